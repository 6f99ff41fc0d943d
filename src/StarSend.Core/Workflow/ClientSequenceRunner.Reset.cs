using StarSend.Core.Errors;
using StarSend.Core.Sequences;

namespace StarSend.Core.Workflow;

public sealed partial class ClientSequenceRunner
{
    /// <summary>The states <c>reset --to</c> accepts.</summary>
    public static IReadOnlyList<SequenceState> ResetTargets { get; } = [SequenceState.GridReview, SequenceState.StartFrameApproved];

    /// <summary>
    /// <c>starsend reset SEQ --to grid_review | start_frame_approved</c>: jumps back ("go back to image selection"),
    /// keeping every grid, pick, analysis and take; an approval is taken back. Kept in the sequence's history (who,
    /// when, run id, from and to). Refused (exit 3) from <c>final</c> unless <paramref name="force"/>, while a step is
    /// running (<c>grid_exploring</c>, <c>generating</c>: resume it first), to a state the sequence is not past, or to
    /// <c>grid_review</c> without a grid / <c>start_frame_approved</c> without a start frame; held under the sequence's
    /// lease, so it is refused while another run holds the sequence.
    /// </summary>
    public async Task<SequenceRecord> ResetAsync(string id, SequenceState to, bool force, CancellationToken cancellationToken)
    {
        Sequence(id);
        CheckReset(await GetAsync(id, cancellationToken), to, force);
        await using var lease = await leases.AcquireAsync(id, $"starsend reset (run {runId})", cancellationToken);
        CheckReset(await GetAsync(id, cancellationToken), to, force);
        var stamp = Stamp(Sequences.ReviewStamp.CurrentUser, null);
        var record = await UpdateAsync(id, r =>
        {
            CheckReset(r, to, force);
            var entry = new ReviewEvent
            {
                Action = ReviewAction.Reset,
                Take = r.ApprovedTake,
                Text = $"{WorkflowText.State(r.State)} -> {WorkflowText.State(to)}{(r.ApprovedTake is { } t ? $"; approval of take {t} taken back" : string.Empty)}",
                Who = stamp.Who,
                At = stamp.At,
                RunId = stamp.RunId,
            };
            return r with { State = to, ApprovedTake = null, ReturnState = null, LastError = null, History = [.. r.History, entry] };
        });
        log.Information("{SequenceId}: reset to {State}; grids, picks, analyses and takes kept", id, WorkflowText.State(to));
        return record;
    }

    /// <summary>Parses a <c>--to</c> value; anything else is exit 3 naming the legal targets.</summary>
    public static SequenceState ParseResetTarget(string id, string text)
    {
        foreach (var state in ResetTargets)
        {
            if (string.Equals(WorkflowText.State(state), text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return state;
            }
        }

        throw new IllegalTransitionException($"{id}: cannot reset to '{text}'; the legal targets are {string.Join(" and ", ResetTargets.Select(WorkflowText.State))}");
    }

    private static void CheckReset(SequenceRecord record, SequenceState to, bool force)
    {
        var from = WorkflowText.State(record.State);
        if (record.State is SequenceState.GridExploring or SequenceState.Generating)
        {
            throw new IllegalTransitionException($"{record.Id} is {from}: a step is running or was interrupted; finish or resume it first (starsend run {record.Id}), then reset");
        }

        if (record.State == SequenceState.Final && !force)
        {
            throw new IllegalTransitionException($"{record.Id} is final; reset only with --force");
        }

        if (record.State <= to)
        {
            throw new IllegalTransitionException($"{record.Id} is {from}, not past {WorkflowText.State(to)}; reset goes back only (legal from {from}: {string.Join(", ", ResetTargets.Where(t => t < record.State).Select(WorkflowText.State).DefaultIfEmpty("none"))})");
        }

        if (to == SequenceState.GridReview && !record.Grids.Any(g => g.File is not null))
        {
            throw new IllegalTransitionException($"{record.Id} has no grid to go back to; legal: start_frame_approved");
        }

        if (to == SequenceState.StartFrameApproved && record.StartFrame is null)
        {
            throw new IllegalTransitionException($"{record.Id} has no start frame to go back to; legal: grid_review");
        }
    }
}
