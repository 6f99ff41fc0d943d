using StarSend.Core.Errors;
using StarSend.Core.Executions;
using StarSend.Core.Sequences;

namespace StarSend.Core.Workflow;

public sealed partial class ClientSequenceRunner
{
    /// <summary>
    /// Cross-checks sequences.json against the ExecutionStore and the files. Repairs only what can be proven: a step
    /// left running with nothing in flight returns to where it came from, a start frame whose file is gone is dropped;
    /// paid results no take uses are reported. Never moves a sequence forward.
    /// </summary>
    public async Task<IReadOnlyList<ReconcileFinding>> ReconcileAsync(CancellationToken cancellationToken)
    {
        var findings = new List<ReconcileFinding>();
        var executions = (await steps.FindAllAsync(cancellationToken)).ToList();
        foreach (var sequence in plan.Sequences)
        {
            var record = await GetAsync(sequence.Id, cancellationToken);
            var mine = executions.Where(e => e.StepId == sequence.Id || e.StepId.StartsWith(sequence.Id + "_", StringComparison.Ordinal)).ToList();
            findings.AddRange(CheckFiles(record));
            // An image call marked submission_unknown is over (it is asked again, never resumed); a video one waits for --resubmit.
            var inFlight = mine.Where(e => e.Status is ExecutionStatus.Intent or ExecutionStatus.Submitted
                || (e.Kind == ExecutionKind.Video && e.Status == ExecutionStatus.SubmissionUnknown)).ToList();
            foreach (var e in inFlight)
            {
                findings.Add(new(sequence.Id, e.Status == ExecutionStatus.Submitted
                    ? $"{e.Id} is paid and in flight (request {e.RequestId}){(e.Error is null ? string.Empty : $", not collected yet: {e.Error}")}; 'starsend {(e.Kind == ExecutionKind.Video ? "generate" : "grid")} {sequence.Id}' resumes it"
                    : e.Kind == ExecutionKind.Video
                        ? $"{e.Id} may have been billed but has no request id ({e.Status}); 'starsend generate {sequence.Id} --resubmit' submits it again"
                        : $"{e.Id}, an image call, was interrupted and may have been billed; 'starsend grid {sequence.Id}' asks again", false));
            }

            findings.AddRange(PaidWithoutResult(sequence.Id, mine));
            var claimed = record.Takes.SelectMany(t => t.ExecutionIds).Concat(record.Grids.SelectMany(g => g.ExecutionIds)).ToHashSet(StringComparer.Ordinal);
            foreach (var e in mine.Where(e => e.Status == ExecutionStatus.Complete && e.Kind == ExecutionKind.Video && !claimed.Contains(e.Id)))
            {
                findings.Add(new(sequence.Id, $"{e.Id} is paid and complete but in no take ({string.Join(", ", e.Outputs.Select(o => paths.Relative(o.Path)))}); 'starsend generate {sequence.Id}' records it without paying again", false));
            }

            if (record.State is SequenceState.GridExploring or SequenceState.Generating && inFlight.Count == 0 && !HasUnclaimedVideo(mine, claimed, record))
            {
                findings.Add(await ReturnStoppedStepAsync(record, cancellationToken));
            }

            if (record.StartFrame is { } start && !File.Exists(paths.Full(start.File)))
            {
                await UpdateAsync(sequence.Id, r => r.StartFrame?.File == start.File
                    ? r with { StartFrame = null, State = r.State == SequenceState.StartFrameApproved ? SequenceState.GridReview : r.State }
                    : r);
                findings.Add(new(sequence.Id, $"start frame {start.File} is missing; dropped it (pick again)", true));
            }
        }

        return findings;
    }

    /// <summary>Returns a step that stopped to where it came from, unless a live run holds the sequence (it may be uploading, before its intent).</summary>
    private async Task<ReconcileFinding> ReturnStoppedStepAsync(SequenceRecord record, CancellationToken cancellationToken)
    {
        IAsyncDisposable lease;
        try
        {
            lease = await leases.AcquireAsync(record.Id, $"starsend reconcile (run {runId})", cancellationToken);
        }
        catch (IllegalTransitionException ex)
        {
            return new(record.Id, $"is {SequenceWorkflow.StateName(record.State)} and another run is working on it; left as it is ({ex.Message})", false);
        }

        await using (lease)
        {
            // Decided again on what is true now that the lease is held: the run we saw stopped may have been resumed and finished.
            var now = await GetAsync(record.Id, cancellationToken);
            var mine = (await steps.FindAllAsync(cancellationToken))
                .Where(e => e.StepId == record.Id || e.StepId.StartsWith(record.Id + "_", StringComparison.Ordinal)).ToList();
            var claimed = now.Takes.SelectMany(t => t.ExecutionIds).Concat(now.Grids.SelectMany(g => g.ExecutionIds)).ToHashSet(StringComparer.Ordinal);
            var busy = mine.Any(e => e.Status is ExecutionStatus.Intent or ExecutionStatus.Submitted
                || (e.Kind == ExecutionKind.Video && e.Status == ExecutionStatus.SubmissionUnknown));
            if (now.State != record.State || busy || HasUnclaimedVideo(mine, claimed, now))
            {
                return new(record.Id, $"is now {SequenceWorkflow.StateName(now.State)}; left as it is", false);
            }

            var back = SequenceWorkflow.Fail(now, "reconcile: the step had stopped with nothing in flight").State;
            await UpdateAsync(record.Id, r => r.State == now.State ? SequenceWorkflow.Fail(r, "reconcile: the step had stopped with nothing in flight") : r);
            return new(record.Id, $"was {SequenceWorkflow.StateName(record.State)} with nothing in flight; returned to {SequenceWorkflow.StateName(back)}", true);
        }
    }

    private IEnumerable<ReconcileFinding> CheckFiles(SequenceRecord record)
    {
        foreach (var grid in record.Grids.Where(g => g.File is not null && !File.Exists(paths.Full(g.File))))
        {
            yield return new(record.Id, $"grid {grid.Number} file {grid.File} is missing", false);
        }

        foreach (var take in record.Takes)
        {
            foreach (var problem in take.Files.Select(CheckVideo).OfType<string>())
            {
                yield return new(record.Id, $"take {take.Number}: {problem}{(record.ApprovedTake == take.Number ? " (the approved take!)" : string.Empty)}", false);
            }
        }
    }

    /// <summary>Paid jobs that left no result: lost past the provider's retention, or refused after they ran (may be charged).</summary>
    private static IEnumerable<ReconcileFinding> PaidWithoutResult(string sequenceId, List<ExecutionRecord> mine)
    {
        var latest = mine.GroupBy(e => e.StepId).Select(g => g.MaxBy(e => e.Attempt)!);
        foreach (var e in latest.Where(e => e.Status == ExecutionStatus.PaidResultLost))
        {
            yield return new(sequenceId, $"{e.Id} was paid (~${e.CostUsd:0.00}, request {e.RequestId}) but its result is lost ({e.Error}); 'starsend generate {sequenceId} --again' pays for a new one", false);
        }

        foreach (var e in mine.Where(e => e.Status == ExecutionStatus.MayBeCharged))
        {
            yield return new(sequenceId, $"{e.Id} ran and was refused with no output; fal.ai may charge it (~${e.CostUsd:0.00}): {e.Error}", false);
        }
    }

    private static bool HasUnclaimedVideo(List<ExecutionRecord> mine, HashSet<string> claimed, SequenceRecord record) =>
        record.State == SequenceState.Generating && mine.Any(e => e.Status == ExecutionStatus.Complete && e.Kind == ExecutionKind.Video && !claimed.Contains(e.Id));
}
