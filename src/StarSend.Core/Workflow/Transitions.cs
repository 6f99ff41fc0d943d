using StarSend.Core.Errors;
using StarSend.Core.Sequences;

namespace StarSend.Core.Workflow;

/// <summary>The runner's view of the workflow rules: start, finish or fail a step, pick, approve.</summary>
internal static class Transitions
{
    public static SequenceRecord BeginGrid(SequenceRecord r) =>
        r.State == SequenceState.GridExploring ? r : Begin(r, "grid", SequenceState.GridExploring, SequenceState.NotStarted, SequenceState.GridReview, SequenceState.StartFrameApproved);

    public static SequenceRecord BeginGenerate(SequenceRecord r) =>
        r.State == SequenceState.Generating ? r : Begin(r, "generate", SequenceState.Generating, SequenceState.StartFrameApproved, SequenceState.Review);

    public static SequenceRecord Finish(SequenceRecord r, SequenceState expected, SequenceState next) =>
        r.State == expected
            ? r with { State = next, ReturnState = null, LastError = null }
            : throw Illegal(r, $"finish {expected}", expected);

    public static SequenceRecord Fail(SequenceRecord r, string error) =>
        r.State is SequenceState.GridExploring or SequenceState.Generating
            ? r with { State = r.ReturnState ?? SequenceState.NotStarted, ReturnState = null, Pending = null, LastError = error }
            : r with { LastError = error };

    public static void EnsurePick(SequenceRecord r)
    {
        if (r.State is not (SequenceState.GridReview or SequenceState.StartFrameApproved or SequenceState.Review) || r.ApprovedTake is not null)
        {
            throw Illegal(r, "pick", SequenceState.GridReview, SequenceState.StartFrameApproved, SequenceState.Review);
        }
    }

    public static SequenceRecord ApproveTake(SequenceRecord r, int take) =>
        r.State == SequenceState.Review ? r with { State = SequenceState.Approved, ApprovedTake = take, LastError = null } : throw Illegal(r, "approve --take", SequenceState.Review);

    public static SequenceRecord ApproveFinal(SequenceRecord r) =>
        r.State == SequenceState.Approved ? r with { State = SequenceState.Final } : throw Illegal(r, "approve --final", SequenceState.Approved);

    private static SequenceRecord Begin(SequenceRecord r, string command, SequenceState next, params SequenceState[] from) =>
        from.Contains(r.State) ? r with { State = next, ReturnState = r.State, LastError = null } : throw Illegal(r, command, from);

    private static IllegalTransitionException Illegal(SequenceRecord r, string command, params SequenceState[] legalFrom) =>
        new($"{r.Id} is {Name(r.State)}: {command} needs {string.Join(" or ", legalFrom.Select(Name))}");

    private static string Name(SequenceState s) => System.Text.Json.JsonSerializer.Serialize(s).Trim('"');
}
