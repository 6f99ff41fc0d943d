using StarSend.Core.Errors;
using StarSend.Core.Executions;
using StarSend.Imaging;
using StarSend.Imaging.Video;

namespace StarSend.Core.Steps;

public sealed partial class StepRunner
{
    /// <summary>
    /// Downloads a finished job's video and keeps it only when it is the video: not an HTML page, a complete MP4 with
    /// its <c>moov</c>, of the length the result announced and the duration asked. A bad download is downloaded again
    /// (bounded; a short body resumes with Range), never generated again; a file the provider no longer serves is
    /// recorded <c>paid_result_lost</c>. A complete MP4 of another duration is the job's own output and ends it.
    /// </summary>
    private async Task<StepResult> DownloadVideoAsync(
        ExecutionRecord record, int expectedSeconds, string outputPath, bool resumed, IProgress<StepProgress>? progress, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(outputPath)!);
        var tries = Math.Max(1, _options.DownloadAttempts);
        string problem = "no download was tried";
        for (var attempt = 1; attempt <= tries; attempt++)
        {
            long bytes;
            try
            {
                bytes = await _video.DownloadAsync(new Uri(record.ResultUrl!), outputPath, _options.MaxVideoBytes, record.ResultBytes, cancellationToken);
            }
            catch (ProviderException ex) when (ex.Kind is ProviderErrorKind.Expired)
            {
                // The file is gone for good: say so, and never pay for it again without --again.
                await SaveAsync(record with { Status = ExecutionStatus.PaidResultLost, Error = ex.Message, FinishedAt = _time.GetUtcNow() });
                throw ResultLost(record, ex.Message, alreadyRecorded: false);
            }
            catch (ProviderException ex) when (!cancellationToken.IsCancellationRequested)
            {
                problem = ex.Message;
                _log.Warning("{StepId}: download {Attempt} of {Tries} of request {RequestId} failed ({Problem})", record.StepId, attempt, tries, record.RequestId, problem);
                continue;
            }

            if (NotTheVideo(outputPath, bytes, record.ResultBytes) is not { } bad)
            {
                progress?.Report(new StepProgress(record.StepId, "verifying", null, TimeSpan.Zero, record.CostUsd) { Kind = StepPhase.Verifying });
                return await VerifyDurationAsync(record, expectedSeconds, outputPath, bytes, resumed, cancellationToken);
            }

            problem = bad;
            File.Delete(outputPath);
            _log.Warning(
                "{StepId}: download {Attempt} of {Tries} of request {RequestId} is not the video ({Problem}); downloading it again, the job is not paid again",
                record.StepId, attempt, tries, record.RequestId, problem);
            if (attempt < tries)
            {
                await Task.Delay(TimeSpan.FromSeconds(attempt), _time, cancellationToken);
            }
        }

        var message = $"{record.StepId}: the video of request {record.RequestId} did not download intact in {tries} tries ({problem}); " +
            "the paid job is kept: run the same command again to download it again (nothing is paid again)";
        await SaveAsync(record with { Error = message });
        throw new ProviderException(message, ProviderErrorKind.BadOutput, requestId: record.RequestId) { StepId = record.StepId, PaidJobKept = true };
    }

    private async Task<StepResult> VerifyDurationAsync(ExecutionRecord record, int expectedSeconds, string outputPath, long bytes, bool resumed, CancellationToken cancellationToken)
    {
        var info = Mp4Inspector.Inspect(outputPath);
        if (Math.Abs(info.DurationS - expectedSeconds) > _options.DurationTolerance)
        {
            File.Delete(outputPath);
            var message = $"{record.StepId}: the video from request {record.RequestId} lasts {info.DurationS:0.##} s, {expectedSeconds} s were asked";
            await SaveAsync(record with { Status = ExecutionStatus.Failed, Error = message, FinishedAt = _time.GetUtcNow() });
            throw new ProviderException(message, ProviderErrorKind.BadOutput, requestId: record.RequestId) { StepId = record.StepId };
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
        return new StepResult(complete.Id, complete.RequestId!, outputPath, bytes, sha, info.DurationS, complete.Model, complete.ChargedUsd, resumed)
        {
            ReportedCost = complete.ReportedCost,
            SkippedModels = complete.SkippedModels ?? [],
        };
    }

    /// <summary>Why the downloaded file is not the job's video (an HTML page, no <c>moov</c>, another length), or null.</summary>
    private static string? NotTheVideo(string path, long bytes, long? announced)
    {
        var head = new byte[Math.Min(512, Math.Max(0, (int)Math.Min(bytes, int.MaxValue)))];
        using (var file = File.OpenRead(path))
        {
            file.ReadExactly(head);
        }

        var text = System.Text.Encoding.ASCII.GetString(head).TrimStart();
        if (text.StartsWith('<') || text.Contains("<html", StringComparison.OrdinalIgnoreCase))
        {
            return "an HTML page, not a video";
        }

        if (announced is { } size && size != bytes)
        {
            return $"{bytes} bytes where the result announced {size}";
        }

        try
        {
            Mp4Inspector.Inspect(path);
            return null;
        }
        catch (ImagingException ex)
        {
            return $"not a complete MP4: {ex.Message}";
        }
    }
}
