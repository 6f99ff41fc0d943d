using System.Text.Json;

namespace StarSend.Core.Sequences;

/// <summary>How states and commands are named in messages: as stored, and as typed on the command line.</summary>
internal static class WorkflowText
{
    public static string State(SequenceState state) => JsonSerializer.Serialize(state).Trim('"');

    public static string Command(SequenceCommand command) => command switch
    {
        SequenceCommand.Grid => "grid",
        SequenceCommand.GridDone => "grid done",
        SequenceCommand.GridFailed => "grid failed",
        SequenceCommand.Pick => "pick",
        SequenceCommand.Generate => "generate",
        SequenceCommand.GenerateDone => "generate done",
        SequenceCommand.GenerateFailed => "generate failed",
        SequenceCommand.ApproveTake => "approve --take",
        SequenceCommand.ApproveFinal => "approve --final",
        _ => command.ToString(),
    };

    /// <summary>"a", "a or b", "a, b or c".</summary>
    public static string OneOf(IReadOnlyList<string> items) =>
        items.Count <= 1 ? string.Concat(items) : $"{string.Join(", ", items.Take(items.Count - 1))} or {items[^1]}";
}
