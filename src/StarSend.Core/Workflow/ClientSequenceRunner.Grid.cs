using StarSend.Core.Errors;
using StarSend.Core.Plans;
using StarSend.Core.Sequences;
using StarSend.Core.Steps;
using StarSend.Imaging;
using StarSend.Imaging.Grids;

namespace StarSend.Core.Workflow;

public sealed partial class ClientSequenceRunner
{
    /// <summary>Explores a 2x2 grid: retries with a stronger prompt when the model draws one picture, then composites four singles.</summary>
    public Task<SequenceOutcome> GridAsync(string id, IProgress<StepProgress>? progress, CancellationToken cancellationToken) =>
        GridAsync(id, again: false, progress, cancellationToken);

    /// <summary>As above; with <paramref name="again"/> a sequence that already has a grid gets another (paid) one.</summary>
    public async Task<SequenceOutcome> GridAsync(string id, bool again, IProgress<StepProgress>? progress, CancellationToken cancellationToken)
    {
        var sequence = Sequence(id);
        progress = progress.ForSequence(id);
        if (AlreadyHasGrid(await GetAsync(id, cancellationToken), again) is { } done)
        {
            return done;
        }

        // The decision to pay is taken again under the lease, on state read after it is held: another run may have
        // drawn this grid while we waited (issue #8, overlapping runs).
        await using var lease = await leases.AcquireAsync(id, $"starsend grid (run {runId})", cancellationToken);
        if (AlreadyHasGrid(await GetAsync(id, cancellationToken), again) is { } drawnMeanwhile)
        {
            return drawnMeanwhile;
        }

        // A new grid starts a new pass (issue #14); a grid_exploring left by a stopped run resumes its own.
        var record = await UpdateAsync(id, r => r is { State: SequenceState.GridExploring, PassRunId: not null }
            ? SequenceWorkflow.Apply(r, SequenceCommand.Grid)
            : SequenceWorkflow.Apply(r, SequenceCommand.Grid) with { PassRunId = runId });
        using var scope = PassScope(record.PassRunId!);
        try
        {
            var attempt = await ExploreAsync(sequence, record.Grids.Count + 1, record.PassRunId!, progress, cancellationToken);
            record = await UpdateAsync(id, r => SequenceWorkflow.Apply(r, SequenceCommand.GridDone) with { Grids = [.. r.Grids, attempt] });
            log.Information("{SequenceId}: grid {Grid} ready in pass {Pass}: {File}", id, attempt.Number, attempt.PassRunId, attempt.File);
            progress?.Report(new StepProgress(id, $"grid {attempt.Number}", null, TimeSpan.Zero, attempt.CostUsd) { Kind = StepPhase.Done });
            var how = attempt.Kind == "composite" ? "composited from four singles" : $"after {attempt.Calls} image call(s)";
            return new SequenceOutcome(id, ExitCodes.Ok, record.State, $"grid {attempt.Number} ready ({how}): {attempt.File}", attempt.CostUsd);
        }
        catch (Exception ex) when (ex is StarSendException or OperationCanceledException or ImagingException)
        {
            record = await UpdateAsync(id, r => SequenceWorkflow.Fail(r, ex.Message));
            if (ex is OperationCanceledException)
            {
                throw;
            }

            var code = ex is StarSendException known ? known.ExitCode : ExitCodes.ProviderFailed;
            return new SequenceOutcome(id, code, record.State, ex.Message, 0);
        }
    }

    private static SequenceOutcome? AlreadyHasGrid(SequenceRecord current, bool again) =>
        current.Grids.Count > 0 && current.State != SequenceState.GridExploring && !again
            ? new SequenceOutcome(current.Id, ExitCodes.Ok, current.State, $"already has grid {current.Grids[^1].Number}; not drawn again (--again pays for another grid)", 0)
            : null;

    private async Task<GridAttempt> ExploreAsync(PlanSequence sequence, int number, string pass, IProgress<StepProgress>? progress, CancellationToken cancellationToken)
    {
        var basePrompt = GridPrompts.Base(plan, sequence);
        var references = ElementFiles(sequence, 3);
        // Each model of image_models at its own price: the fallback's intent is budget-checked at its rate (issue #10).
        // Without image_models, image_fallback_model is taken only when image_model is gone, as it always was.
        var implicitChain = settings.ImageModels is not { Count: > 0 };
        var chain = settings.ImageModelChain().Select((m, i) => new ImageModelChoice(m, ImagePrice(m), OnlyWhenGone: implicitChain && i > 0)).ToList();
        var skipped = new List<Providers.ModelSkip>();
        var executions = new List<string>();
        var cost = 0m;
        var model = chain[0].Model;
        var finalPath = MediaPath(paths.GridsDir, pass, $"{sequence.Id}_grid.png");
        var noImage = 0;
        var rejected = new List<string>();
        for (var attempt = 0; attempt <= settings.GridRetries; attempt++)
        {
            var prompt = GridPrompts.Stronger(basePrompt, attempt);
            progress?.Report(new StepProgress(sequence.Id, attempt == 0 ? "drawing grid" : $"grid retry {attempt}", null, TimeSpan.Zero));
            var path = FreshPath(MediaPath(paths.GridsDir, pass, $"{sequence.Id}_grid_try{attempt + 1}.png"));
            try
            {
                var (result, image) = await steps.ExecuteKeyframe($"{sequence.Id}_grid", runId, prompt, references, path, chain, cancellationToken);
                Skipped(skipped, result);
                executions.Add(result.ExecutionId);
                cost += result.CostUsd;
                model = result.Model;
                var detection = GridDetector.Detect(image);
                if (detection.IsGrid)
                {
                    // A copy, not a move: the execution record keeps pointing at the file the call produced.
                    // The grid keeps the extension of the paid bytes (a JPEG grid stays a .jpg).
                    var kept = Path.ChangeExtension(finalPath, Path.GetExtension(result.File));
                    File.Copy(result.File, kept, overwrite: true);
                    return Attempt(number, pass, kept, "model", executions, prompt, model, cost, attempt + 1) with { Width = image.Width, Height = image.Height, AspectNote = AspectNote(sequence, image), SkippedModels = skipped.Count > 0 ? skipped : null, RejectedCalls = rejected.Count > 0 ? rejected : null };
                }

                // Another layout (nine panels asked as four) is named, never cut: its cells would slice through faces.
                var drew = detection.Layout is { } layout ? $"a {layout} layout" : "one picture";
                rejected.Add($"call {attempt + 1}: {drew}");
                log.Warning("{SequenceId}: image call {Attempt} drew {Drew}, not a 2x2 grid ({Reason})", sequence.Id, attempt + 1, drew, detection.Reason);
                progress?.Report(new StepProgress(sequence.Id, $"call {attempt + 1} drew {drew}, not a 2x2 grid", null, TimeSpan.Zero));
            }
            catch (ProviderException ex) when (ex.Kind is ProviderErrorKind.NoImage)
            {
                // The answer without an image may have been billed: the attempt counts it, as the budget does.
                var failed = (await steps.FindAsync($"{sequence.Id}_grid", cancellationToken))[^1];
                executions.Add(failed.Id);
                cost += failed.CostUsd;
                log.Warning("{SequenceId}: image call {Attempt} returned no image: {Message}", sequence.Id, attempt + 1, ex.Message);

                // One bounded retry for an answer without an image (field-log #1; a safety refusal gets none).
                if (++noImage > 1)
                {
                    throw new ProviderException(
                        $"{sequence.Id}: the image model answered twice without an image, so no more image calls are made for this grid; last: {ex.Message}",
                        ProviderErrorKind.NoImage,
                        ex.HttpStatus,
                        inner: ex);
                }
            }
        }

        log.Warning("{SequenceId}: no grid after {Calls} calls; compositing four single images", sequence.Id, settings.GridRetries + 1);
        var singles = new List<RgbaImage>();
        for (var k = 0; k < 4; k++)
        {
            progress?.Report(new StepProgress(sequence.Id, $"single image {k + 1}/4", null, TimeSpan.Zero));
            var path = FreshPath(MediaPath(paths.GridsDir, pass, $"{sequence.Id}_single{k + 1}.png"));
            var (result, image) = await steps.ExecuteKeyframe(
                $"{sequence.Id}_grid_single{k + 1}", runId, GridPrompts.SingleImage(plan, sequence, k), references, path, chain, cancellationToken);
            Skipped(skipped, result);
            model = result.Model;
            executions.Add(result.ExecutionId);
            cost += result.CostUsd;
            singles.Add(image);
        }

        var cellWidth = singles.Min(s => s.Width);
        var cellHeight = singles.Min(s => s.Height);
        var composite = GridCompositor.Compose(singles, cellWidth, cellHeight);
        await StepRunner.WriteFileAtomicallyAsync(finalPath, ImageCodec.EncodePng(composite), cancellationToken);
        return Attempt(number, pass, finalPath, "composite", executions, basePrompt, model, cost, executions.Count) with { Width = composite.Width, Height = composite.Height, AspectNote = AspectNote(sequence, composite), SkippedModels = skipped.Count > 0 ? skipped : null, RejectedCalls = rejected.Count > 0 ? rejected : null };
    }

    /// <summary>Adds the models a call passed over to the grid's list, once per model (the first reason stays).</summary>
    private static void Skipped(List<Providers.ModelSkip> skipped, StepResult result)
    {
        foreach (var skip in result.SkippedModels.Where(s => !skipped.Exists(k => string.Equals(k.Model, s.Model, StringComparison.OrdinalIgnoreCase))))
        {
            skipped.Add(skip);
        }
    }

    private string? AspectNote(PlanSequence sequence, RgbaImage grid)
    {
        var note = CellShape.Difference(grid.Width, grid.Height, plan.AspectRatio);
        if (note is not null)
        {
            log.Warning("{SequenceId}: the grid came back {Note}; its cells will not have the sequence's shape", sequence.Id, note);
        }

        return note;
    }

    private GridAttempt Attempt(int number, string pass, string file, string kind, List<string> executions, string prompt, string model, decimal cost, int calls) => new()
    {
        Number = number,
        RunId = runId,
        PassRunId = pass,
        File = paths.Relative(file),
        Kind = kind,
        ExecutionIds = executions,
        Prompt = prompt,
        Model = model,
        CostUsd = cost,
        Calls = calls,
        CreatedAt = time.GetUtcNow(),
    };
}
