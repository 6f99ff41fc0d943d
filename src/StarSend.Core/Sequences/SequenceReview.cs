using StarSend.Core.Errors;

namespace StarSend.Core.Sequences;

/// <summary>
/// Review decisions on a sequence and its takes (DESIGN.md, Workflow states: review status, omit, history), as pure
/// functions like <see cref="SequenceWorkflow"/>: each checks the decision against the record, returns the record
/// after it with one more <see cref="ReviewEvent"/> in its history, and throws without changing anything otherwise.
/// </summary>
public static class SequenceReview
{
    /// <summary>
    /// The effective review status of <paramref name="take"/>: approved when it is the sequence's approved (or final)
    /// take, whatever was stored; otherwise what the last decision on it said (pending when none).
    /// </summary>
    public static TakeReviewStatus StatusOf(SequenceRecord record, Take take)
    {
        if (record.ApprovedTake == take.Number && record.State is SequenceState.Approved or SequenceState.Final)
        {
            return TakeReviewStatus.Approved;
        }

        return take.ReviewStatus == TakeReviewStatus.Approved ? TakeReviewStatus.Pending : take.ReviewStatus;
    }

    /// <summary>The record after <paramref name="decision"/>, stamped into its history.</summary>
    /// <exception cref="BadInputException">Unknown take, or a retake/note without text.</exception>
    /// <exception cref="IllegalTransitionException">The decision is not legal now (names what is).</exception>
    public static SequenceRecord Decide(SequenceRecord record, ReviewDecision decision, ReviewStamp stamp)
    {
        var next = decision.Action switch
        {
            ReviewAction.Approve => Approve(record, RequireTake(record, decision).Number),
            ReviewAction.Final => SequenceWorkflow.Apply(record, SequenceCommand.ApproveFinal),
            ReviewAction.UndoApprove => Undo(record, decision.Force),
            ReviewAction.Retake => SetStatus(record, RequireTake(record, decision), (TakeReviewStatus.Retake, RequireText(record, decision, "a reason"))),
            ReviewAction.Hold => SetStatus(record, RequireTake(record, decision), (TakeReviewStatus.OnHold, null)),
            ReviewAction.Note => Note(record, decision),
            ReviewAction.Omit => record.Omitted
                ? throw new IllegalTransitionException($"{record.Id} is already omitted; 'starsend restore {record.Id}' puts it back")
                : record with { Omitted = true },
            ReviewAction.Restore => record.Omitted
                ? record with { Omitted = false }
                : throw new IllegalTransitionException($"{record.Id} is not omitted; nothing to restore"),
            _ => throw new ArgumentOutOfRangeException(nameof(decision), decision.Action, null),
        };
        var take = decision.Action == ReviewAction.UndoApprove ? record.ApprovedTake : decision.Take;
        var text = decision.Action is ReviewAction.Retake or ReviewAction.Note ? decision.Text!.Trim() : null;
        var entry = new ReviewEvent
        {
            Action = decision.Action,
            Take = decision.Action is ReviewAction.Omit or ReviewAction.Restore or ReviewAction.Final ? null : take,
            Text = text,
            Who = stamp.Who,
            At = stamp.At,
            RunId = stamp.RunId,
            Source = stamp.Source,
        };
        return next with { History = [.. record.History, entry] };
    }

    private static Take RequireTake(SequenceRecord record, ReviewDecision decision)
    {
        var number = decision.Take ?? throw new BadInputException($"{record.Id}: {Name(decision.Action)} needs a take (--take N)");
        return record.Takes.FirstOrDefault(t => t.Number == number)
            ?? throw new BadInputException(
                $"{record.Id} has no take {number}; takes: {(record.Takes.Count == 0 ? "none" : string.Join(", ", record.Takes.Select(t => t.Number)))}");
    }

    private static string RequireText(SequenceRecord record, ReviewDecision decision, string what) =>
        string.IsNullOrWhiteSpace(decision.Text)
            ? throw new BadInputException($"{record.Id} take {decision.Take}: {Name(decision.Action)} needs {what}")
            : decision.Text.Trim();

    private static SequenceRecord Approve(SequenceRecord record, int take)
    {
        var approved = SequenceWorkflow.ApproveTake(record, take);
        return approved with { Takes = [.. approved.Takes.Select(t => t.Number == take ? t with { ReviewStatus = TakeReviewStatus.Approved, RetakeReason = null } : t)] };
    }

    private static SequenceRecord Undo(SequenceRecord record, bool force)
    {
        switch (record.State)
        {
            case SequenceState.Approved:
            case SequenceState.Final when force:
                break;
            case SequenceState.Final:
                throw new IllegalTransitionException(
                    $"{record.Id} is in final: approve --undo takes back only an approval that is not final; add --force to take back take {record.ApprovedTake} anyway");
            default:
                throw new IllegalTransitionException(
                    $"{record.Id} is in {SequenceWorkflow.StateName(record.State)}: approve --undo needs approved or final (with --force); there is no approval to take back");
        }

        var undone = record.ApprovedTake;
        return record with
        {
            State = SequenceState.Review,
            ApprovedTake = null,
            LastError = null,
            Takes = [.. record.Takes.Select(t => t.Number == undone ? t with { ReviewStatus = TakeReviewStatus.Pending } : t)],
        };
    }

    private static SequenceRecord SetStatus(SequenceRecord record, Take take, (TakeReviewStatus Status, string? Reason) to)
    {
        if (StatusOf(record, take) == TakeReviewStatus.Approved)
        {
            throw new IllegalTransitionException(
                $"{record.Id} take {take.Number} is the approved take; take the approval back first with 'starsend approve {record.Id} --undo'");
        }

        return record with { Takes = [.. record.Takes.Select(t => t.Number == take.Number ? t with { ReviewStatus = to.Status, RetakeReason = to.Reason } : t)] };
    }

    private static SequenceRecord Note(SequenceRecord record, ReviewDecision decision)
    {
        RequireTake(record, decision);
        RequireText(record, decision, "text");
        return record;
    }

    private static string Name(ReviewAction action) => System.Text.Json.JsonSerializer.Serialize(action).Trim('"');
}
