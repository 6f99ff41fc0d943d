using StarSend.Core.Analysis;
using StarSend.Core.Errors;
using StarSend.Core.Providers;
using StarSend.Core.Sequences;
using StarSend.Core.Steps;

namespace StarSend.Core.Workflow;

public sealed partial class ClientSequenceRunner
{
    /// <summary>
    /// <c>starsend analyze SEQ</c>: one vision call on the sequence's start frame answered against
    /// <see cref="AnalysisSchema"/>, stored on the sequence with the start frame it describes. A sequence whose current
    /// start frame is already analysed is skipped unless <paramref name="again"/>. The workflow state does not change.
    /// A sequence without a start frame is exit 3. The decision to pay is taken under the sequence's lease, on state
    /// read after it is held; the call is an intent in the execution ledger before it is paid.
    /// </summary>
    public async Task<SequenceOutcome> AnalyzeAsync(string id, IStructuredModel model, bool again, IProgress<StepProgress>? progress, CancellationToken cancellationToken)
    {
        Sequence(id);
        progress = progress.ForSequence(id);
        if (await AlreadyAnalyzedAsync(await GetAsync(id, cancellationToken), again, cancellationToken) is { } done)
        {
            return done;
        }

        await using var lease = await leases.AcquireAsync(id, $"starsend analyze (run {runId})", cancellationToken);
        var record = await GetAsync(id, cancellationToken);
        if (await AlreadyAnalyzedAsync(record, again, cancellationToken) is { } analyzedMeanwhile)
        {
            return analyzedMeanwhile;
        }

        var frame = record.StartFrame!;
        var framePath = paths.Full(frame.File);
        var sha = await Fingerprint.OfFileAsync(framePath, cancellationToken);
        var pass = frame.PassRunId ?? record.PassRunId ?? runId;
        using var scope = PassScope(pass);
        using var sending = await SendableFile.PrepareAsync(framePath, cancellationToken);
        var question = new StructuredQuestion
        {
            Model = settings.AnalysisModel,
            Instruction = AnalysisSchema.Instruction,
            Text = AnalysisSchema.Question,
            Images = [new ReferenceImage(await File.ReadAllBytesAsync(sending.Path, cancellationToken), sending.ContentType)],
            JsonSchema = AnalysisSchema.Json,
        };
        var number = record.Analyses.Count + 1;
        var output = FreshPath(MediaPath(paths.StartFramesDir, pass, $"{id}_analysis{number:00}.json"));
        var claimed = record.Analyses.Select(a => a.ExecutionId).ToHashSet(StringComparer.Ordinal);
        progress?.Report(new StepProgress(id, "analyzing", null, TimeSpan.Zero) { Kind = StepPhase.Running });
        try
        {
            var result = await steps.ExecuteStructured(
                $"{id}_analysis", runId, model, question, output, Settings.SettingsDefaults.AnalysisEstimateUsd, AnalysisSchema.Check, claimed, cancellationToken);
            var analysis = new StartFrameAnalysis
            {
                Number = number,
                RunId = runId,
                StartFrameFile = frame.File,
                StartFrameSha256 = sha,
                File = paths.Relative(result.File),
                Model = result.Model,
                ExecutionId = result.ExecutionId,
                CostUsd = result.CostUsd,
                Answer = AnalysisSchema.Read(result.Json),
                CreatedAt = time.GetUtcNow(),
            };
            record = await UpdateAsync(id, r => r with { Analyses = [.. r.Analyses, analysis], LastError = null });
            log.Information("{SequenceId}: start frame {File} analysed by {Model}: {Motions} motion elements, {Potential} potential", id, frame.File, result.Model, analysis.Answer.MotionElements.Count, analysis.Answer.PotentialMovingElements.Count);
            progress?.Report(new StepProgress(id, $"analysis {number}", null, TimeSpan.Zero, result.CostUsd) { Kind = StepPhase.Done });
            var motions = string.Join(", ", analysis.Answer.MotionElements.Select((m, i) => $"{i + 1} {m.Element}"));
            return new SequenceOutcome(id, ExitCodes.Ok, record.State, $"analysis {number}{(result.Resumed ? " (paid earlier, collected now)" : string.Empty)}: motion elements {motions}", result.CostUsd);
        }
        catch (StarSendException ex)
        {
            var message = ex.Message.StartsWith(id, StringComparison.Ordinal) ? ex.Message : $"{id}: {ex.Message}";
            record = await UpdateAsync(id, r => r with { LastError = message });
            return new SequenceOutcome(id, ex.ExitCode, record.State, message, 0);
        }
    }

    /// <summary>What <c>analyze</c> would pay for: one call at <see cref="Settings.SettingsDefaults.AnalysisEstimateUsd"/> per sequence with a start frame not analysed yet (or every one with <paramref name="again"/>).</summary>
    public async Task<BatchEstimate> EstimateAnalyzeAsync(IReadOnlyList<string> ids, bool again, CancellationToken cancellationToken)
    {
        var doc = await store.ReadAsync(cancellationToken);
        var list = new List<SequenceEstimate>();
        foreach (var id in ids)
        {
            var record = doc.Sequences.TryGetValue(id, out var r) ? r : new SequenceRecord { Id = id };
            var pays = record.StartFrame is not null && (again || await CurrentAnalysisAsync(record, cancellationToken) is null);
            list.Add(new SequenceEstimate(id, pays ? 1 : 0, pays ? Settings.SettingsDefaults.AnalysisEstimateUsd : 0));
        }

        return new BatchEstimate(list);
    }

    /// <summary>The latest analysis of the sequence's current start frame; null when there is none or the frame changed since.</summary>
    public Task<StartFrameAnalysis?> CurrentAnalysisAsync(SequenceRecord record, CancellationToken cancellationToken) =>
        Task.FromResult(AnalysisStatus.Current(record, paths));

    private async Task<SequenceOutcome?> AlreadyAnalyzedAsync(SequenceRecord record, bool again, CancellationToken cancellationToken)
    {
        if (record.StartFrame is null)
        {
            throw new IllegalTransitionException(
                $"{record.Id} is {WorkflowText.State(record.State)} and has no start frame to analyse; legal from start_frame_approved on: pick a cell first (starsend pick {record.Id} CELL)");
        }

        if (!again && await CurrentAnalysisAsync(record, cancellationToken) is { } current)
        {
            return new SequenceOutcome(record.Id, ExitCodes.Ok, record.State, $"skipped: start frame already analysed (analysis {current.Number}); --again pays for another", 0);
        }

        return null;
    }
}
