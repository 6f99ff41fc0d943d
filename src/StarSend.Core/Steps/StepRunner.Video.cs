using System.Text.Json;
using StarSend.Core.Errors;
using StarSend.Core.Executions;
using StarSend.Core.Providers;

namespace StarSend.Core.Steps;

public sealed partial class StepRunner
{
    /// <summary>One shot, one call: <paramref name="id"/> is e.g. <c>SEQ08_shot03</c>.</summary>
    public Task<StepResult> ExecuteVideo(
        string id, string runId, string? startFrame, string prompt, IReadOnlyList<ElementImages> elements, int durationS,
        string outputPath, IProgress<StepProgress>? progress, CancellationToken cancellationToken) =>
        RunVideoAsync(id, runId, startFrame, elements, [new ShotPrompt(prompt, durationS)], outputPath, progress, cancellationToken);

    /// <summary>The whole sequence in one multi-shot call: <paramref name="batchId"/> is the sequence id, e.g. <c>SEQ08</c>.</summary>
    public Task<StepResult> ExecuteMultiShot(
        string batchId, string runId, string? startFrame, IReadOnlyList<ElementImages> elements, IReadOnlyList<ShotSpec> shots,
        IReadOnlyList<string> shotPrompts, string outputPath, IProgress<StepProgress>? progress, CancellationToken cancellationToken)
    {
        if (shots.Count != shotPrompts.Count)
        {
            throw new BadInputException($"{batchId}: {shots.Count} shots but {shotPrompts.Count} shot prompts");
        }

        var prompts = shots.Select((s, i) => new ShotPrompt(shotPrompts[i], s.DurationS)).ToList();
        return RunVideoAsync(batchId, runId, startFrame, elements, prompts, outputPath, progress, cancellationToken);
    }

    /// <summary>The job that would be sent, with local paths instead of upload URLs (for --dry-run), and its price.</summary>
    public (VideoJob Job, decimal CostUsd) PreviewVideo(string? startFrame, IReadOnlyList<ElementImages> elements, IReadOnlyList<ShotPrompt> shots) =>
        PreviewVideo(VideoModelScope.Current ?? _options.VideoModel, startFrame, elements, shots);

    private (VideoJob Job, decimal CostUsd) PreviewVideo(string model, string? startFrame, IReadOnlyList<ElementImages> elements, IReadOnlyList<ShotPrompt> shots)
    {
        var job = BuildJob(model, startFrame, elements.Select(e => new VideoElement(e.FrontalPath, e.ReferencePaths)).ToList(), shots);
        _video.Validate(job);
        return (job, _video.EstimateCostUsd(job));
    }

    private VideoJob BuildJob(string model, string? startUrl, IReadOnlyList<VideoElement> elements, IReadOnlyList<ShotPrompt> shots) => new()
    {
        Model = model,
        StartImageUrl = startUrl,
        Elements = elements,
        Shots = shots,
        AspectRatio = _options.AspectRatio,
        NegativePrompt = NegativePromptScope.Current,
    };

    private async Task<StepResult> RunVideoAsync(
        string stepId, string runId, string? startFrame, IReadOnlyList<ElementImages> elements, IReadOnlyList<ShotPrompt> shots,
        string outputPath, IProgress<StepProgress>? progress, CancellationToken cancellationToken)
    {
        var fingerprint = await VideoFingerprintAsync(startFrame, elements, shots, cancellationToken);
        var attempts = await FindAsync(stepId, cancellationToken);
        if (attempts.Count > 0 && attempts[^1] is { Status: ExecutionStatus.PaidResultLost } lost && !_options.PayAgainForLost)
        {
            throw ResultLost(lost, lost.Error ?? "its result is no longer served", alreadyRecorded: true);
        }

        var unfinished = attempts.LastOrDefault(IsUnfinished);
        if (unfinished is { Status: ExecutionStatus.Submitted } && unfinished.Fingerprint == fingerprint)
        {
            _log.Information("Resuming {ExecutionId} (request {RequestId}) instead of submitting again", unfinished.Id, unfinished.RequestId);
            return await FinishVideoAsync(unfinished, shots.Sum(s => s.DurationS), outputPath, progress, resumed: true, cancellationToken);
        }

        if (unfinished is not null && await ResolveUnknownAsync(unfinished, fingerprint, cancellationToken) is { } adopted)
        {
            return await FinishVideoAsync(adopted, shots.Sum(s => s.DurationS), outputPath, progress, resumed: true, cancellationToken);
        }

        ThrowIfBlocked(stepId);
        var chain = VideoModelScope.Chain(_options.VideoModel);

        if (_jobSlots.CurrentCount == 0)
        {
            progress?.Report(new StepProgress(stepId, "waiting for a job slot", null, TimeSpan.Zero) { Kind = StepPhase.Queued });
        }

        await _jobSlots.WaitAsync(cancellationToken);
        try
        {
            var skipped = new List<ModelSkip>();
            for (var i = 0; ; i++)
            {
                var (model, unfit) = chain[i];
                var last = i == chain.Count - 1;
                var passOver = unfit is not null ? $"unfit for this take: {unfit}"
                    : _goneModels.TryGetValue(model, out var gone) ? $"{gone} (found earlier in this run; not asked again)"
                    : i > 0 ? Refused(model, startFrame, elements, shots)
                    : null;
                if (passOver is not null)
                {
                    skipped.Add(new ModelSkip(model, passOver));
                    if (last)
                    {
                        throw new ProviderException(
                            $"{stepId}: no video model of the chain could take it: {string.Join("; ", skipped.Select(s => $"{s.Model}: {s.Reason}"))}",
                            ProviderErrorKind.ModelNotFound) { StepId = stepId };
                    }

                    continue;
                }

                ThrowIfBlocked(stepId);
                if (_options.BudgetUsd is not null)
                {
                    // Each model at its own price, checked before anything is uploaded for it, so a refused call sends
                    // nothing; the intent checks again under the lock.
                    CheckBudget(stepId, await _store.ReadAsync(cancellationToken), PreviewVideo(model, startFrame, elements, shots).CostUsd);
                }

                var startUrl = startFrame is null ? null : await UploadAsync(stepId, startFrame, model, cancellationToken);
                var elementUrls = new List<VideoElement>();
                foreach (var element in elements)
                {
                    var refs = new List<string>();
                    foreach (var path in element.ReferencePaths)
                    {
                        refs.Add(await UploadAsync(stepId, path, model, cancellationToken));
                    }

                    elementUrls.Add(new VideoElement(await UploadAsync(stepId, element.FrontalPath, model, cancellationToken), refs));
                }

                var job = BuildJob(model, startUrl, elementUrls, shots);
                _video.Validate(job);
                var estimate = _video.EstimateCostUsd(job);
                var intent = await RecordIntentAsync(
                    stepId, ExecutionKind.Video, runId, fingerprint, job.Model, JsonSerializer.Serialize(job, Json.StarSendJson.Options), estimate, cancellationToken, skipped);
                ExecutionRecord submitted;
                try
                {
                    submitted = await SubmitAsync(intent, job, progress, cancellationToken);
                }
                catch (ProviderException ex) when (!last && FallbackRules.VideoReason(ex) is { } reason)
                {
                    // SubmitAsync recorded the intent failed and not charged: the model never took the job.
                    if (FallbackRules.IsGone(ex))
                    {
                        _goneModels[model] = reason;
                    }

                    skipped.Add(new ModelSkip(model, reason) { ExecutionId = intent.Id });
                    _log.Warning("{StepId}: {Model} did not take the job ({Reason}); trying {Next}", stepId, model, reason, chain[i + 1].Model);
                    continue;
                }
                catch (ProviderException ex) when (FallbackRules.IsGone(ex))
                {
                    _goneModels[model] = $"gone: {ex.Message}";
                    throw;
                }

                // The result's skipped models come from the execution record, where the intent wrote them before the submit.
                return await FinishVideoAsync(submitted, job.TotalDurationS, outputPath, progress, resumed: false, cancellationToken, slotHeld: true);
            }
        }
        finally
        {
            _jobSlots.Release();
        }
    }

    /// <summary>Why the provider's own rules refuse the job on a fallback <paramref name="model"/> (checked locally, nothing sent), or null.</summary>
    private string? Refused(string model, string? startFrame, IReadOnlyList<ElementImages> elements, IReadOnlyList<ShotPrompt> shots)
    {
        try
        {
            PreviewVideo(model, startFrame, elements, shots);
            return null;
        }
        catch (BadInputException ex)
        {
            return $"unfit for this take: {ex.Message}";
        }
    }

    private async Task<string> UploadAsync(string stepId, string path, string model, CancellationToken cancellationToken)
    {
        try
        {
            return await _uploads.UrlForAsync(path, model, cancellationToken);
        }
        catch (AccountBlockedException ex)
        {
            throw Block(stepId, ex);
        }
    }

    private async Task<StepResult> FinishVideoAsync(
        ExecutionRecord record, int expectedSeconds, string outputPath, IProgress<StepProgress>? progress, bool resumed,
        CancellationToken cancellationToken, bool slotHeld = false)
    {
        if (!slotHeld)
        {
            await _jobSlots.WaitAsync(cancellationToken);
        }

        try
        {
            var handle = new VideoJobHandle(record.RequestId!, record.Model, record.StatusUrl!, record.ResponseUrl!, record.CancelUrl!) { DurationS = expectedSeconds };
            if (record.ResultUrl is null)
            {
                var started = _time.GetTimestamp();
                var relay = progress is null ? null : new InlineProgress<JobProgress>(p => progress.Report(
                    new StepProgress(record.StepId, p.Phase == JobPhase.InQueue ? "in queue" : "running", p.QueuePosition, _time.GetElapsedTime(started), record.CostUsd)
                    {
                        Kind = p.Phase == JobPhase.InQueue ? StepPhase.Queued : StepPhase.Running,
                    }));
                var result = await WaitOrRecordAsync(record, handle, relay, cancellationToken);
                record = await SaveAsync(record with { ResultUrl = result.VideoUrl.ToString(), ResultBytes = result.FileSize, CostUsd = result.CostUsd, Error = null });
            }

            progress?.Report(new StepProgress(record.StepId, "downloading", null, TimeSpan.Zero, record.CostUsd) { Kind = StepPhase.Downloading });
            return await DownloadVideoAsync(record, expectedSeconds, outputPath, resumed, progress, cancellationToken);
        }
        finally
        {
            if (!slotHeld)
            {
                _jobSlots.Release();
            }
        }
    }

    /// <summary>
    /// Waits for the job and reads its result. Only fal's own answer about the job ends it: a validation answer after
    /// COMPLETED (recorded <c>may_be_charged</c>), a failed or timed-out job (not charged), a result past retention
    /// (<c>paid_result_lost</c>). A failure to read (401/403, a locked account, an unknown answer, the network) leaves the
    /// job in flight, so the next run collects it at no extra cost.
    /// </summary>
    private async Task<VideoJobResult> WaitOrRecordAsync(
        ExecutionRecord record, VideoJobHandle handle, IProgress<JobProgress>? progress, CancellationToken cancellationToken)
    {
        try
        {
            return await _video.WaitForResultAsync(handle, progress, cancellationToken);
        }
        catch (ProviderException ex) when (ex.Kind is ProviderErrorKind.Expired)
        {
            await SaveAsync(record with { Status = ExecutionStatus.PaidResultLost, Error = ex.Message, FinishedAt = _time.GetUtcNow() });
            throw ResultLost(record, ex.Message, alreadyRecorded: false);
        }
        catch (ProviderException ex) when (ex.Kind is ProviderErrorKind.Validation or ProviderErrorKind.ContentPolicy)
        {
            var message = $"{record.StepId}: request {record.RequestId} ran and fal.ai answered its result with {Described(ex)}; it may be charged (~${record.CostUsd:0.00})";
            await SaveAsync(record with { Status = ExecutionStatus.MayBeCharged, Error = message, FinishedAt = _time.GetUtcNow() });
            throw new ProviderException(message, ex.Kind, ex.HttpStatus, record.RequestId, ex) { FieldErrors = ex.FieldErrors, StepId = record.StepId };
        }
        catch (ProviderException ex) when (ex.Kind is ProviderErrorKind.JobFailed or ProviderErrorKind.UserTimeout)
        {
            await SaveAsync(record with { Status = ExecutionStatus.Failed, Error = ex.Message, CostUsd = 0, FinishedAt = _time.GetUtcNow() });
            throw;
        }
        catch (ProviderException ex)
        {
            var message = $"{record.StepId}: the result of request {record.RequestId} could not be read ({ex.Message}); the paid job is kept and the same command collects it at no extra cost";
            await SaveAsync(record with { Error = message });
            throw ex is AccountBlockedException
                ? new AccountBlockedException(message, ex.HttpStatus, record.RequestId, ex) { StepId = record.StepId, PaidJobKept = true }
                : new ProviderException(message, ProviderErrorKind.Transient, ex.HttpStatus, record.RequestId, ex) { StepId = record.StepId, PaidJobKept = true };
        }
    }

    private static async Task<string> VideoFingerprintAsync(string? startFrame, IReadOnlyList<ElementImages> elements, IReadOnlyList<ShotPrompt> shots, CancellationToken cancellationToken)
    {
        var files = new List<string>();
        foreach (var path in elements.SelectMany(e => e.ReferencePaths.Prepend(e.FrontalPath)).Prepend(startFrame ?? string.Empty))
        {
            files.Add(path.Length == 0 ? string.Empty : await Fingerprint.OfFileAsync(path, cancellationToken));
        }

        return Fingerprint.Of(new { files, shots });
    }
}
