using StarSend.Core.Executions;
using StarSend.Core.Plans;
using StarSend.Core.Sequences;
using StarSend.Core.Steps;

namespace StarSend.Core.Workflow;

/// <summary>A per-shot take: one call per shot, the budget checked for the whole take, paid shots reused and reported.</summary>
public sealed partial class ClientSequenceRunner
{
    /// <summary>
    /// The shots of a per-shot take this run paid for and finished although the take failed on another shot: said in the
    /// outcome ("; paid and kept for the next run: SEQ04_shot01 ~$0.67") and counted in its cost. The next generate of
    /// the sequence uses them instead of paying again.
    /// </summary>
    private async Task<(string Text, decimal CostUsd)> KeptShotsAsync(PlanSequence sequence, CancellationToken cancellationToken)
    {
        var shotSteps = sequence.Shots.Select(s => $"{sequence.Id}_{s.Id}").ToHashSet(StringComparer.Ordinal);
        var paid = (await steps.FindAllAsync(cancellationToken))
            .Where(e => e.RunId == runId && e.Status == ExecutionStatus.Complete && shotSteps.Contains(e.StepId) && e.Outputs.Count == 1)
            .ToList();
        return paid.Count == 0
            ? (string.Empty, 0)
            : ($"; paid and kept for the next run: {string.Join(", ", paid.Select(e => FormattableString.Invariant($"{e.StepId} ~${e.ChargedUsd:0.00}")))}", paid.Sum(e => e.ChargedUsd));
    }

    private async Task<IReadOnlyList<StepResult>> IndividualAsync(
        PlanSequence sequence, SequenceRecord record, PendingTake take, string pass, IReadOnlyList<PlanElement> elements, IProgress<StepProgress>? progress, CancellationToken cancellationToken)
    {
        var images = ElementImagesOf(elements);
        var prompts = PromptsOf(sequence, take);
        // The whole take against the budget before its first shot is sent: shots that resume or reuse a paid job are
        // already counted; the others are new money (a take the budget cannot finish must not pay for half of itself).
        var reusables = new StepResult?[sequence.Shots.Count];
        var fresh = new List<(string StepId, decimal EstimateUsd)>();
        var inFlightSteps = (await steps.FindAllAsync(cancellationToken))
            .Where(e => e.Status is ExecutionStatus.Intent or ExecutionStatus.Submitted or ExecutionStatus.SubmissionUnknown)
            .Select(e => e.StepId).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < sequence.Shots.Count; i++)
        {
            var stepId = $"{sequence.Id}_{sequence.Shots[i].Id}";
            reusables[i] = await ReusableAsync(stepId, record, cancellationToken);
            var inFlight = inFlightSteps.Contains(stepId);
            if (reusables[i] is null && !inFlight)
            {
                var frameFile = (record.ShotStartFrames.TryGetValue(sequence.Shots[i].Id, out var shotFrame) ? shotFrame : record.StartFrame!).File;
                fresh.Add((stepId, steps.PreviewVideo(frameFile, images, [new Providers.ShotPrompt(prompts[i].Prompt, sequence.Shots[i].Duration)]).CostUsd));
            }
        }

        await steps.CheckTakeBudgetAsync(sequence.Id, fresh, cancellationToken);
        var calls = sequence.Shots.Select(async (shot, index) =>
        {
            var stepId = $"{sequence.Id}_{shot.Id}";
            if (reusables[index] is { } reusable)
            {
                return reusable;
            }

            var frame = record.ShotStartFrames.TryGetValue(shot.Id, out var own) ? own : record.StartFrame!;
            if (shot.OwnStartFrame && own is null)
            {
                log.Warning("{SequenceId} {ShotId} wants its own start frame but none was picked (pick it with --shot); using the sequence's", sequence.Id, shot.Id);
            }

            var output = MediaPath(paths.VideosDir, pass, $"{sequence.Id}_{shot.Id}_take{take.Number:00}.mp4");
            return await steps.ExecuteVideo(stepId, runId, paths.Full(frame.File), prompts[index].Prompt, images, shot.Duration, output, progress, cancellationToken);
        }).ToList();
        return await Task.WhenAll(calls);
    }

    /// <summary>A finished, paid execution of the step that no take uses yet and whose file still verifies: used instead of paying again.</summary>
    private async Task<StepResult?> ReusableAsync(string stepId, SequenceRecord record, CancellationToken cancellationToken)
    {
        var claimed = record.Takes.SelectMany(t => t.ExecutionIds).ToHashSet(StringComparer.Ordinal);
        var found = (await steps.FindAsync(stepId, cancellationToken))
            .LastOrDefault(e => e.Status == ExecutionStatus.Complete && !claimed.Contains(e.Id) && e.Outputs.Count == 1 && File.Exists(e.Outputs[0].Path));
        if (found is null)
        {
            return null;
        }

        var output = found.Outputs[0];
        Imaging.Video.Mp4Info info;
        try
        {
            info = Imaging.Video.Mp4Inspector.Inspect(output.Path);
        }
        catch (Imaging.ImagingException ex)
        {
            log.Warning("{StepId}: paid result {ExecutionId} is damaged on disk ({Reason}); generating anew", stepId, found.Id, ex.Message);
            return null;
        }

        log.Information("{StepId}: using paid result {ExecutionId} that no take used yet", stepId, found.Id);
        return new StepResult(found.Id, found.RequestId ?? string.Empty, output.Path, output.Bytes, output.Sha256, info.DurationS, found.Model, found.ChargedUsd, Resumed: true)
        {
            ReportedCost = found.ReportedCost,
            SkippedModels = found.SkippedModels ?? [],
        };
    }
}
