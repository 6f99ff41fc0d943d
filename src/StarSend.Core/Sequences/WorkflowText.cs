namespace StarSend.Core.Sequences;

/// <summary>How states and commands are named in messages: as stored, and as typed on the command line.</summary>
internal static class WorkflowText
{
    /// <summary>
    /// The state's name as <c>sequences.json</c> stores it (its <see cref="System.Text.Json.Serialization.JsonStringEnumMemberNameAttribute"/>;
    /// a test holds the two together). Written out rather than serialized: serializing with the default options built
    /// a second set of reflection-based JSON metadata in every <c>status</c>, about 2 ms of its start-up (#12).
    /// </summary>
    public static string State(SequenceState state) => state switch
    {
        SequenceState.NotStarted => "not_started",
        SequenceState.GridExploring => "grid_exploring",
        SequenceState.GridReview => "grid_review",
        SequenceState.StartFrameApproved => "start_frame_approved",
        SequenceState.Generating => "generating",
        SequenceState.Review => "review",
        SequenceState.Approved => "approved",
        SequenceState.Final => "final",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "not a sequence state"),
    };

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
