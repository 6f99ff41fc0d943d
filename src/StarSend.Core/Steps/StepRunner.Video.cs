using System.Text.Json;
using StarSend.Core.Errors;
using StarSend.Core.Executions;
using StarSend.Core.Providers;
using StarSend.Imaging;
using StarSend.Imaging.Video;

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
    public (VideoJob Job, decimal CostUsd) PreviewVideo(string? startFrame, IReadOnlyList<ElementImages> elements, IReadOnlyList<ShotPrompt> shots)
    {
        var job = BuildJob(startFrame, elements.Select(e => new VideoElement(e.FrontalPath, e.ReferencePaths)).ToList(), shots);
        _video.Validate(job);
        return (job, _video.EstimateCostUsd(job));
    }

    private VideoJob BuildJob(string? startUrl, IReadOnlyList<VideoElement> elements, IReadOnlyList<ShotPrompt> shots) => new()
    {
        Model = VideoModelScope.Current ?? _options.VideoModel,
        StartImageUrl = startUrl,
        Elements = elements,
        Shots = shots,
        AspectRatio = _options.AspectRatio,
    };

    private async Task<StepResult> RunVideoAsync(
        string stepId, string runId, string? startFrame, IReadOnlyList<ElementImages> elements, IReadOnlyList<ShotPrompt> shots,
        string outputPath, IProgress<StepProgress>? progress, CancellationToken cancellationToken)
    {
        var fingerprint = await VideoFingerprintAsync(startFrame, elements, shots, cancellationToken);
        var unfinished = (await FindAsync(stepId, cancellationToken)).LastOrDefault(IsUnfinished);
        if (unfinished is { Status: ExecutionStatus.Submitted } && unfinished.Fingerprint == fingerprint)
        {
            _log.Information("Resuming {ExecutionId} (request {RequestId}) instead of submitting again", unfinished.Id, unfinished.RequestId);
            return await FinishVideoAsync(unfinished, shots.Sum(s => s.DurationS), outputPath, progress, resumed: true, cancellationToken);
        }

        if (unfinished is not null)
        {
            await ResolveUnknownAsync(unfinished);
        }

        if (_options.BudgetUsd is not null)
        {
            // Checked before the uploads too, so a refused call sends nothing; the intent checks again under the lock.
            CheckBudget(stepId, await _store.ReadAsync(cancellationToken), PreviewVideo(startFrame, elements, shots).CostUsd);
        }

        await _jobSlots.WaitAsync(cancellationToken);
        try
        {
            var model = VideoModelScope.Current ?? _options.VideoModel;
            var startUrl = startFrame is null ? null : await _uploads.UrlForAsync(startFrame, model, cancellationToken);
            var elementUrls = new List<VideoElement>();
            foreach (var element in elements)
            {
                var refs = new List<string>();
                foreach (var path in element.ReferencePaths)
                {
                    refs.Add(await _uploads.UrlForAsync(path, model, cancellationToken));
                }

                elementUrls.Add(new VideoElement(await _uploads.UrlForAsync(element.FrontalPath, model, cancellationToken), refs));
            }

            var job = BuildJob(startUrl, elementUrls, shots);
            _video.Validate(job);
            var estimate = _video.EstimateCostUsd(job);
            var intent = await RecordIntentAsync(
                stepId, ExecutionKind.Video, runId, fingerprint, job.Model, JsonSerializer.Serialize(job, Json.StarSendJson.Options), estimate, cancellationToken);
            var submitted = await SubmitAsync(intent, job);
            return await FinishVideoAsync(submitted, job.TotalDurationS, outputPath, progress, resumed: false, cancellationToken, slotHeld: true);
        }
        finally
        {
            _jobSlots.Release();
        }
    }

    /// <summary>The submit itself is never cancelled half-way: once sent, its request id must be captured and saved.</summary>
    private async Task<ExecutionRecord> SubmitAsync(ExecutionRecord intent, VideoJob job)
    {
        VideoJobHandle handle;
        try
        {
            handle = await _video.SubmitAsync(job, CancellationToken.None);
        }
        catch (ProviderException ex) when (ex.Kind == ProviderErrorKind.SubmissionUnknown)
        {
            await SaveAsync(intent with { Status = ExecutionStatus.SubmissionUnknown, Error = ex.Message, FinishedAt = _time.GetUtcNow() });
            throw SubmissionUnknown(intent);
        }
        catch (StarSendException ex)
        {
            await SaveAsync(intent with { Status = ExecutionStatus.Failed, Error = ex.Message, CostUsd = 0, FinishedAt = _time.GetUtcNow() });
            throw;
        }

        await _store.JournalSubmittedAsync(
            new SubmittedJournal(intent.Id, handle.RequestId, handle.StatusUrl, handle.ResponseUrl, handle.CancelUrl, _time.GetUtcNow()), CancellationToken.None);
        var submitted = await SaveAsync(intent with
        {
            Status = ExecutionStatus.Submitted,
            RequestId = handle.RequestId,
            StatusUrl = handle.StatusUrl,
            ResponseUrl = handle.ResponseUrl,
            CancelUrl = handle.CancelUrl,
            ReportedCost = handle.ReportedCost,
            SubmittedAt = _time.GetUtcNow(),
        });
        _log.Information("Submitted {ExecutionId} as request {RequestId}", submitted.Id, handle.RequestId);
        return submitted;
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
                var relay = progress is null ? null : new Progress<JobProgress>(p => progress.Report(
                    new StepProgress(record.StepId, p.Phase == JobPhase.InQueue ? "in queue" : "running", p.QueuePosition, _time.GetElapsedTime(started), record.CostUsd)));
                var result = await WaitOrRecordAsync(record, handle, relay, cancellationToken);
                record = await SaveAsync(record with { ResultUrl = result.VideoUrl.ToString(), CostUsd = result.CostUsd });
            }

            progress?.Report(new StepProgress(record.StepId, "downloading", null, TimeSpan.Zero, record.CostUsd));
            return await DownloadVideoAsync(record, expectedSeconds, outputPath, resumed, cancellationToken);
        }
        finally
        {
            if (!slotHeld)
            {
                _jobSlots.Release();
            }
        }
    }

    private async Task<VideoJobResult> WaitOrRecordAsync(
        ExecutionRecord record, VideoJobHandle handle, IProgress<JobProgress>? progress, CancellationToken cancellationToken)
    {
        try
        {
            return await _video.WaitForResultAsync(handle, progress, cancellationToken);
        }
        catch (ProviderException ex) when (ex.Kind is ProviderErrorKind.Expired)
        {
            await SaveAsync(record with { Status = ExecutionStatus.Expired, Error = ex.Message, FinishedAt = _time.GetUtcNow() });
            throw;
        }
        catch (ProviderException ex) when (ex.Kind is not (ProviderErrorKind.Transient or ProviderErrorKind.Other))
        {
            await SaveAsync(record with { Status = ExecutionStatus.Failed, Error = ex.Message, CostUsd = 0, FinishedAt = _time.GetUtcNow() });
            throw;
        }
    }

    private async Task<StepResult> DownloadVideoAsync(ExecutionRecord record, int expectedSeconds, string outputPath, bool resumed, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(outputPath)!);
        long bytes;
        try
        {
            bytes = await _video.DownloadAsync(new Uri(record.ResultUrl!), outputPath, _options.MaxVideoBytes, cancellationToken);
        }
        catch (ProviderException ex) when (ex.Kind is ProviderErrorKind.Expired)
        {
            // The file is gone for good: asking for it again on every run would never end.
            await SaveAsync(record with { Status = ExecutionStatus.Expired, Error = ex.Message, FinishedAt = _time.GetUtcNow() });
            throw;
        }

        Mp4Info info;
        try
        {
            info = Mp4Inspector.Inspect(outputPath);
        }
        catch (ImagingException ex)
        {
            File.Delete(outputPath);
            var message = $"{record.StepId}: the video from request {record.RequestId} is not a complete MP4: {ex.Message}";

            // The whole file arrived and is still broken: downloading it again would not help, so the job ends here.
            await SaveAsync(record with { Status = ExecutionStatus.Failed, Error = message, FinishedAt = _time.GetUtcNow() });
            throw new ProviderException(message, ProviderErrorKind.BadOutput, requestId: record.RequestId);
        }

        if (Math.Abs(info.DurationS - expectedSeconds) > _options.DurationTolerance)
        {
            File.Delete(outputPath);
            var message = $"{record.StepId}: the video from request {record.RequestId} lasts {info.DurationS:0.##} s, {expectedSeconds} s were asked";
            await SaveAsync(record with { Status = ExecutionStatus.Failed, Error = message, FinishedAt = _time.GetUtcNow() });
            throw new ProviderException(message, ProviderErrorKind.BadOutput, requestId: record.RequestId);
        }

        var sha = await Fingerprint.OfFileAsync(outputPath, cancellationToken);
        var check = $"mp4 {info.Width}x{info.Height} {info.DurationS:0.###}s";
        var complete = await SaveAsync(record with
        {
            Status = ExecutionStatus.Complete,
            Outputs = [new OutputFile(outputPath, bytes, sha, check)],
            FinishedAt = _time.GetUtcNow(),
            Error = null,
        });
        return new StepResult(complete.Id, complete.RequestId!, outputPath, bytes, sha, info.DurationS, complete.Model, complete.CostUsd, resumed)
        {
            ReportedCost = complete.ReportedCost,
        };
    }

    private async Task ResolveUnknownAsync(ExecutionRecord unfinished)
    {
        var changed = unfinished.Status == ExecutionStatus.Submitted;
        if (changed && !_options.AllowResubmit)
        {
            throw new BadInputException(
                $"{unfinished.StepId}: request {unfinished.RequestId} was paid for other inputs (prompts, durations, start frame or elements changed since); " +
                "run with the inputs it was sent with to collect it, or with --resubmit to leave it and pay for a new one");
        }

        if (!_options.AllowResubmit)
        {
            if (unfinished.Status != ExecutionStatus.SubmissionUnknown)
            {
                await SaveAsync(unfinished with { Status = ExecutionStatus.SubmissionUnknown, Error = "the run stopped after sending the submit and before its request id was saved" });
            }

            throw SubmissionUnknown(unfinished);
        }

        _log.Warning("Resubmitting {StepId}: {ExecutionId} may have been billed ${Cost} already", unfinished.StepId, unfinished.Id, unfinished.CostUsd);
        var reason = changed ? $"inputs changed; request {unfinished.RequestId} left and a new job submitted with --resubmit" : "submission unknown; resubmitted with --resubmit";
        await SaveAsync(unfinished with { Status = ExecutionStatus.Failed, Error = reason, FinishedAt = _time.GetUtcNow() });
    }

    private static ProviderException SubmissionUnknown(ExecutionRecord record) => new(
        $"{record.StepId}: a submit was sent ({record.CreatedAt:yyyy-MM-dd HH:mm:ss} UTC) but no request id came back, so it may have been billed (~${record.CostUsd:0.00}); " +
        "run again with --resubmit to submit it again (that may pay twice)",
        ProviderErrorKind.SubmissionUnknown);

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
