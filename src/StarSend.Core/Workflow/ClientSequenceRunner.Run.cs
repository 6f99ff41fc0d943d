using System.Globalization;
using StarSend.Core.Errors;
using StarSend.Core.Providers;
using StarSend.Core.Sequences;
using StarSend.Core.Steps;

namespace StarSend.Core.Workflow;

public sealed partial class ClientSequenceRunner
{
    /// <summary>
    /// <c>starsend run</c> for one sequence (issue #15): a grid if it has none, a pick if it has none, then a take, each
    /// step only when what it needs is complete and never one the sequence is already past. Every paying step goes
    /// through <see cref="GridAsync(string, bool, IProgress{StepProgress}, CancellationToken)"/> and
    /// <see cref="GenerateAsync"/>, so it is decided under the lease and resumes what a killed run left. Grid image calls
    /// wait for <paramref name="gridSlots"/> (the batch concurrency); video jobs for the StepRunner's job slots.
    /// </summary>
    public async Task<SequenceRunOutcome> RunPassAsync(
        string id, RunRequest request, SemaphoreSlim gridSlots, IProgress<StepProgress>? progress, CancellationToken cancellationToken)
    {
        var sequence = Sequence(id);
        var done = new List<string>();
        var cost = 0m;
        var record = await GetAsync(id, cancellationToken);
        SequenceRunOutcome End(int code, SequenceState state, string message) =>
            new(id, code, state, done, cost, message, NextCommand(id, state, record, code));

        try
        {
            // 1. grid
            var needsGrid = record.State is SequenceState.NotStarted or SequenceState.GridExploring || (record.Grids.Count == 0 && record.StartFrame is null);
            if (needsGrid && request.DryRun)
            {
                var estimate = ImagePrice(settings.ImageModel);
                done.Add(string.Create(CultureInfo.InvariantCulture, $"grid ~${estimate:0.000}"));
                cost += estimate;
            }
            else if (needsGrid)
            {
                await gridSlots.WaitAsync(cancellationToken);
                SequenceOutcome grid;
                try
                {
                    grid = await GridAsync(id, again: false, progress.ForStage(id, "grid"), cancellationToken);
                }
                finally
                {
                    gridSlots.Release();
                }

                cost += grid.CostUsd;
                record = await GetAsync(id, cancellationToken);
                if (!grid.Succeeded)
                {
                    return End(grid.ExitCode, grid.State, $"grid: {grid.Message}");
                }

                done.Add(grid.CostUsd > 0 ? $"grid {record.Grids[^1].Number}" : "grid (already there)");
            }

            if (request.Until == RunStep.Grid)
            {
                return End(ExitCodes.Ok, record.State, "stopped after the grid (--until grid)");
            }

            // 2. pick: a sequence whose grid waits for a pick, or, dry, one whose grid is about to be drawn. A start frame
            // kept from before (after 'reset --to grid_review') is replaced only for a newer grid or an explicit --pick:
            // otherwise the producer went back to look, and run must neither re-pick nor pay for a take (it waits).
            var kept = record.StartFrame is { } frame && record.Grids.Count > 0 && frame.Grid == record.Grids[^1].Number;
            var picks = (record.State == SequenceState.GridReview && (!kept || request.PickGiven)) || (record.StartFrame is null && request.DryRun && needsGrid);
            if (record.State == SequenceState.GridReview && !picks)
            {
                return End(ExitCodes.Ok, record.State, $"waiting for a pick: grid_review with start frame r{record.StartFrame!.Row}c{record.StartFrame.Col} kept from before; 'starsend pick {id} CELL', or run with --pick");
            }

            if (picks)
            {
                if (request.DryRun)
                {
                    done.Add($"pick {request.Pick} $0");
                }
                else
                {
                    var (picked, cell, reason) = await AutoPickAsync(id, request.Pick, cancellationToken);
                    record = picked;
                    done.Add($"pick {cell}");
                    log.Information("{SequenceId}: run picked {Cell}: {Reason}", id, cell.ToString(), reason);
                }
            }

            if (request.Until == RunStep.Pick)
            {
                return End(ExitCodes.Ok, record.State, "stopped after the pick (--until pick)");
            }

            // 2b. analysis of the start frame, only when asked (--until analyze): through AnalyzeAsync, so under the lease and never paid twice.
            if (request.Until == RunStep.Analyze)
            {
                if (request.DryRun)
                {
                    if (record.StartFrame is null ? done.Count > 0 : await CurrentAnalysisAsync(record, cancellationToken) is null)
                    {
                        done.Add(string.Create(CultureInfo.InvariantCulture, $"analyze ~${Settings.SettingsDefaults.AnalysisEstimateUsd:0.000}"));
                        cost += Settings.SettingsDefaults.AnalysisEstimateUsd;
                    }

                    return End(ExitCodes.Ok, record.State, "dry run: nothing was sent");
                }

                if (record.StartFrame is null)
                {
                    return End(ExitCodes.Ok, record.State, $"no start frame to analyse ({SequenceWorkflow.StateName(record.State)})");
                }

                var analysis = await AnalyzeAsync(id, request.Analyzer ?? throw new InvalidOperationException("run --until analyze needs a vision model"), again: false, progress.ForStage(id, "analysis"), cancellationToken);
                cost += analysis.CostUsd;
                record = await GetAsync(id, cancellationToken);
                if (!analysis.Succeeded)
                {
                    return End(analysis.ExitCode, analysis.State, $"analyze: {analysis.Message}");
                }

                done.Add(analysis.CostUsd > 0 ? $"analysis {record.Analyses[^1].Number}" : "analysis (already there)");
                return End(ExitCodes.Ok, record.State, "stopped after the analysis (--until analyze)");
            }

            // 3. a take: what generate would do (resume, skip one that exists unless --again)
            var wantsTake = record.State is SequenceState.StartFrameApproved or SequenceState.Generating
                || (record.State == SequenceState.Review && request.Generate.Again)
                || (request.DryRun && (record.StartFrame is null ? done.Count > 0 : picks));
            if (!wantsTake)
            {
                return End(ExitCodes.Ok, record.State, done.Count == 0 ? $"nothing missing ({SequenceWorkflow.StateName(record.State)})" : "done");
            }

            if (request.DryRun)
            {
                var caps = ModelOf(sequence, request.Generate);
                using var model = Steps.VideoModelScope.Use(ModelIdOf(caps));
                var mode = ResolveMode(sequence, request.Generate.Mode, caps);
                var estimate = EstimateTakeUsd(sequence, record, mode, caps);
                done.Add(string.Create(CultureInfo.InvariantCulture, $"take ({(mode == TakeMode.MultiShot ? "multi_shot" : "individual")}) ~${estimate:0.000}"));
                cost += estimate;
                return End(ExitCodes.Ok, record.State, "dry run: nothing was sent");
            }

            var take = await GenerateAsync(id, request.Generate, progress, cancellationToken);
            cost += take.CostUsd;
            record = await GetAsync(id, cancellationToken);
            if (!take.Succeeded)
            {
                return End(take.ExitCode, take.State, $"generate: {take.Message}");
            }

            if (take.CostUsd > 0 || record.Takes.Count > 0)
            {
                done.Add(take.CostUsd > 0 ? $"take {record.Takes[^1].Number}" : $"take {record.Takes[^1].Number} (resumed)");
            }

            return End(ExitCodes.Ok, record.State, take.Message);
        }
        catch (StarSendException ex)
        {
            record = await GetAsync(id, CancellationToken.None);
            return End(ex.ExitCode, record.State, ex.Message);
        }
    }

    /// <summary>Estimated US dollars of one take of <paramref name="sequence"/> (the provider's published prices).</summary>
    private decimal EstimateTakeUsd(Plans.PlanSequence sequence, SequenceRecord record, TakeMode mode, Providers.VideoModels.VideoModelCapabilities caps)
    {
        var images = ElementImagesOf(Elements.ElementManager.Select(plan, sequence, caps.ElementCap(withStartFrame: true)).Used);
        var frame = record.StartFrame?.File;
        return mode == TakeMode.MultiShot
            ? steps.PreviewVideo(frame, images, [.. sequence.Shots.Select(s => new ShotPrompt(s.Prompt, s.Duration))]).CostUsd
            : sequence.Shots.Sum(s => steps.PreviewVideo(frame, images, [new ShotPrompt(s.Prompt, s.Duration)]).CostUsd);
    }

    /// <summary>The command that continues a sequence from <paramref name="state"/>; null when there is nothing left.</summary>
    private static string? NextCommand(string id, SequenceState state, SequenceRecord record, int code) => state switch
    {
        _ when code == ExitCodes.ProviderFailed && state == SequenceState.Generating => $"starsend run {id} (resumes the paid job; see the message for --resubmit)",
        SequenceState.NotStarted or SequenceState.GridExploring => $"starsend run {id}",
        SequenceState.GridReview => record.StartFrame is null ? $"starsend pick {id} CELL (or starsend run {id})" : $"starsend pick {id} CELL (or starsend run {id} --pick CELL)",
        SequenceState.StartFrameApproved or SequenceState.Generating => $"starsend run {id}",
        SequenceState.Review => $"starsend approve {id} --take {(record.Takes.Count > 0 ? record.Takes[^1].Number : 1)}",
        SequenceState.Approved => $"starsend approve {id} --final",
        _ => null,
    };
}
