using StarSend.Core.Errors;

namespace StarSend.Core.Sequences;

/// <summary>
/// The workflow of a sequence (DESIGN.md, Workflow states), in one place: which command is legal in which state and
/// what record it leads to. Pure functions; the caller saves the result (and sets <c>UpdatedAt</c>).
/// </summary>
/// <remarks>
/// Starting a step remembers the state it came from in <see cref="SequenceRecord.ReturnState"/>; a failed step goes
/// back there with the error in <see cref="SequenceRecord.LastError"/>. <c>grid</c> while grid_exploring and
/// <c>generate</c> while generating are legal and change nothing: they resume a step an interrupted run left behind.
/// </remarks>
public static class SequenceWorkflow
{
    private static readonly SequenceCommand[] _producerCommands =
        [SequenceCommand.Grid, SequenceCommand.Pick, SequenceCommand.Generate, SequenceCommand.ApproveTake, SequenceCommand.ApproveFinal];

    /// <summary>Per state, the commands legal in it, the usual next step first.</summary>
    private static readonly Dictionary<SequenceState, SequenceCommand[]> _legal = new()
    {
        [SequenceState.NotStarted] = [SequenceCommand.Grid],
        [SequenceState.GridExploring] = [SequenceCommand.GridDone, SequenceCommand.GridFailed, SequenceCommand.Grid],
        [SequenceState.GridReview] = [SequenceCommand.Pick, SequenceCommand.Grid],
        [SequenceState.StartFrameApproved] = [SequenceCommand.Generate, SequenceCommand.Pick, SequenceCommand.Grid],
        [SequenceState.Generating] = [SequenceCommand.GenerateDone, SequenceCommand.GenerateFailed, SequenceCommand.Generate],
        [SequenceState.Review] = [SequenceCommand.ApproveTake, SequenceCommand.Generate, SequenceCommand.Pick],
        [SequenceState.Approved] = [SequenceCommand.ApproveFinal],
        [SequenceState.Final] = [],
    };

    /// <summary>
    /// Every command legal for <paramref name="record"/> now, the usual next step first. A sequence sent back to
    /// grid_review or start_frame_approved (reset, a re-pick) that has takes may still approve one of them: going back
    /// to look at the grid must not cost a new take to approve one already paid for.
    /// </summary>
    public static IReadOnlyList<SequenceCommand> LegalCommands(SequenceRecord record)
    {
        var legal = _legal[record.State].Where(c => c != SequenceCommand.Pick || record.ApprovedTake is null).ToList();
        if (record.State is SequenceState.GridReview or SequenceState.StartFrameApproved && record.Takes.Count > 0)
        {
            legal.Add(SequenceCommand.ApproveTake);
        }

        return legal;
    }

    public static bool IsLegal(SequenceRecord record, SequenceCommand command) => LegalCommands(record).Contains(command);

    /// <exception cref="IllegalTransitionException">The command is not legal in the sequence's state; says what is.</exception>
    public static void Ensure(SequenceRecord record, SequenceCommand command)
    {
        if (!IsLegal(record, command))
        {
            throw Illegal(record, command);
        }
    }

    /// <summary>The record after <paramref name="command"/>, which must be legal.</summary>
    /// <param name="record">The sequence now.</param>
    /// <param name="command">What happens.</param>
    /// <param name="error">Required for <see cref="SequenceCommand.GridFailed"/> and <see cref="SequenceCommand.GenerateFailed"/>.</param>
    /// <param name="take">Required for <see cref="SequenceCommand.ApproveTake"/>: the take's number.</param>
    /// <exception cref="IllegalTransitionException">The command is not legal in the sequence's state.</exception>
    /// <exception cref="BadInputException"><paramref name="take"/> is not a take of the sequence.</exception>
    public static SequenceRecord Apply(SequenceRecord record, SequenceCommand command, string? error = null, int? take = null)
    {
        Ensure(record, command);
        return command switch
        {
            SequenceCommand.Grid or SequenceCommand.Generate => Start(record, command),
            SequenceCommand.GridDone => Finish(record, SequenceState.GridReview),
            SequenceCommand.GenerateDone => Finish(record, SequenceState.Review) with { Pending = null },
            SequenceCommand.GridFailed or SequenceCommand.GenerateFailed => Return(record, error ?? throw new ArgumentNullException(nameof(error))),
            SequenceCommand.Pick => record with { State = SequenceState.StartFrameApproved, LastError = null },
            SequenceCommand.ApproveTake => Approve(record, take ?? throw new ArgumentNullException(nameof(take))),
            SequenceCommand.ApproveFinal => record with { State = SequenceState.Final, LastError = null },
            _ => throw new ArgumentOutOfRangeException(nameof(command), command, null),
        };
    }

    /// <summary>
    /// A step failed: a running grid or generate returns to the state it came from; in any other state (a pick that
    /// could not crop, say) the sequence stays put. Either way the error is recorded.
    /// </summary>
    public static SequenceRecord Fail(SequenceRecord record, string error) => record.State switch
    {
        SequenceState.GridExploring => Apply(record, SequenceCommand.GridFailed, error),
        SequenceState.Generating => Apply(record, SequenceCommand.GenerateFailed, error),
        _ => record with { LastError = error },
    };

    public static SequenceRecord ApproveTake(SequenceRecord record, int take) => Apply(record, SequenceCommand.ApproveTake, take: take);

    /// <summary>The state's name as stored and shown: <c>grid_review</c>.</summary>
    public static string StateName(SequenceState state) => WorkflowText.State(state);

    private static SequenceRecord Start(SequenceRecord record, SequenceCommand command)
    {
        var running = command == SequenceCommand.Grid ? SequenceState.GridExploring : SequenceState.Generating;
        return record.State == running ? record : record with { State = running, ReturnState = record.State, LastError = null };
    }

    private static SequenceRecord Finish(SequenceRecord record, SequenceState next) =>
        record with { State = next, ReturnState = null, LastError = null };

    private static SequenceRecord Return(SequenceRecord record, string error) =>
        record with { State = record.ReturnState ?? Inferred(record), ReturnState = null, Pending = null, LastError = error };

    /// <summary>Where a step returns to when its record predates <see cref="SequenceRecord.ReturnState"/>.</summary>
    private static SequenceState Inferred(SequenceRecord record) => record.State switch
    {
        SequenceState.Generating => record.Takes.Count > 0 ? SequenceState.Review : SequenceState.StartFrameApproved,
        _ when record.StartFrame is not null => SequenceState.StartFrameApproved,
        _ when record.Grids.Any(g => g.File is not null) => SequenceState.GridReview,
        _ => SequenceState.NotStarted,
    };

    private static SequenceRecord Approve(SequenceRecord record, int take) =>
        record.Takes.Any(t => t.Number == take)
            ? record with { State = SequenceState.Approved, ApprovedTake = take, LastError = null }
            : throw new BadInputException(
                $"{record.Id} has no take {take}; takes: {(record.Takes.Count == 0 ? "none" : string.Join(", ", record.Takes.Select(t => t.Number)))}");

    private static IllegalTransitionException Illegal(SequenceRecord record, SequenceCommand command)
    {
        var from = Enum.GetValues<SequenceState>().Where(s => _legal[s].Contains(command) && !IsResume(s, command)).Select(WorkflowText.State).ToList();
        var needs = from.Count == 0 ? "is never legal" : $"needs {WorkflowText.OneOf(from)}";
        if (command == SequenceCommand.Pick)
        {
            needs += " with no take approved";
        }

        var now = LegalCommands(record).Where(_producerCommands.Contains).Select(WorkflowText.Command).ToList();
        var legalNow = now.Count > 0 ? string.Join(", ", now) : record.State == SequenceState.Final ? "nothing, it is final" : "nothing";
        return new IllegalTransitionException(
            $"{record.Id} is in {WorkflowText.State(record.State)}: {WorkflowText.Command(command)} {needs}; legal now: {legalNow}");
    }

    private static bool IsResume(SequenceState state, SequenceCommand command) =>
        (state, command) is (SequenceState.GridExploring, SequenceCommand.Grid) or (SequenceState.Generating, SequenceCommand.Generate);
}
