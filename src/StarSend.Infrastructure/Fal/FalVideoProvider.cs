using Serilog;
using StarSend.Core.Errors;
using StarSend.Core.Providers;
using StarSend.Infrastructure.Http;

namespace StarSend.Infrastructure.Fal;

/// <summary>
/// Kling through fal.ai's queue. The submit is sent at most once (only a connection that never opened is retried);
/// status, result, cancel, upload and download are retried with back-off on <see cref="TimeProvider"/>.
/// </summary>
public sealed class FalVideoProvider : IVideoProvider
{
    private readonly FalOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly FalQueue _queue;
    private readonly FalStorage _storage;
    private readonly FileDownloader _downloader;

    /// <summary>
    /// <paramref name="http"/> is the shared connection pool (see <see cref="ProviderHttp.CreateClient"/>: no client-wide
    /// timeout, no automatic redirects); the provider builds its Flurl clients on it, one per fal base URL.
    /// </summary>
    public FalVideoProvider(HttpClient http, FalOptions options, TimeProvider time, ILogger? log = null)
    {
        _options = options;
        _time = time;
        _log = log ?? Serilog.Core.Logger.None;
        var retry = new RetryRunner("fal.ai", options.Retry, time, _log);
        var api = new FalApi(http, options, time, retry);
        _queue = new FalQueue(api, options);
        _storage = new FalStorage(api, options, retry);
        _downloader = new FileDownloader(api.Plain, time, retry, options.DownloadIdleTimeout, _log);
    }

    public void Validate(VideoJob job)
    {
        KlingRules.Validate(job, KlingEndpoint.For(job.Model));
        PricePerSecond(job.Model);
    }

    public decimal EstimateCostUsd(VideoJob job) => job.TotalDurationS * PricePerSecond(job.Model);

    public Task<string> UploadAsync(string localPath, string contentType, CancellationToken cancellationToken) =>
        _storage.UploadAsync(localPath, contentType, cancellationToken);

    public async Task<VideoJobHandle> SubmitAsync(VideoJob job, CancellationToken cancellationToken)
    {
        var endpoint = KlingEndpoint.For(job.Model);
        Validate(job);
        var handle = await _queue.SubmitAsync(job, KlingRequestBody.Build(job, endpoint), cancellationToken);
        _log.Information("fal.ai accepted {Model} as request {RequestId}", job.Model, handle.RequestId);
        return handle;
    }

    public async Task<VideoJobResult> WaitForResultAsync(VideoJobHandle handle, IProgress<JobProgress>? progress, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var schedule = new PollSchedule(_options.PollInitial, _options.PollGrowth, _options.PollMax);
        var seen = new HashSet<FalLogLine>();
        while (true)
        {
            var status = await _queue.StatusAsync(handle, cancellationToken);
            var fresh = status.Logs.Where(seen.Add).Select(l => l.Message).ToList();
            progress?.Report(new JobProgress(Phase(status), status.QueuePosition, fresh, _time.GetElapsedTime(started)));
            if (status.IsCompleted || status.IsFailed)
            {
                ThrowIfFailed(handle, status);
                break;
            }

            if (_time.GetElapsedTime(started) >= _options.MaxWait)
            {
                throw new ProviderException(
                    $"request {handle.RequestId} is still {status.Status} after {_options.MaxWait.TotalMinutes:0} min; it keeps running at fal.ai and the next run picks it up again",
                    ProviderErrorKind.Transient,
                    requestId: handle.RequestId);
            }

            await Task.Delay(schedule.Next(), _time, cancellationToken);
        }

        var (output, units) = await _queue.ResultAsync(handle, cancellationToken);
        var video = FalVideoOutput.Read(output, handle.RequestId);
        return video with { BillableUnits = units, CostUsd = Cost(handle, units) };
    }

    public Task<CancelOutcome> CancelAsync(VideoJobHandle handle, CancellationToken cancellationToken) =>
        _queue.CancelAsync(handle, cancellationToken);

    public Task<long> DownloadAsync(Uri url, string destinationPath, long maxBytes, CancellationToken cancellationToken) =>
        _downloader.DownloadAsync(url, destinationPath, maxBytes, cancellationToken);

    private decimal PricePerSecond(string model) =>
        _options.PricesPerSecond.TryGetValue(model, out var price)
            ? price
            : throw new BadInputException($"no price known for video model '{model}': add it to video_prices_per_second in starsend.json");

    private decimal Cost(VideoJobHandle handle, decimal? units)
    {
        if (!_options.PricesPerSecond.TryGetValue(handle.Model, out var price))
        {
            _log.Warning("No price known for {Model}; request {RequestId} is recorded at $0", handle.Model, handle.RequestId);
            return 0;
        }

        if (units is null && handle.DurationS is null)
        {
            _log.Warning("fal.ai sent no billed units for request {RequestId} and its duration is unknown; it is recorded at $0", handle.RequestId);
        }

        return (units ?? handle.DurationS ?? 0) * price;
    }

    private static JobPhase Phase(FalStatus status) => status.Status switch
    {
        "IN_QUEUE" => JobPhase.InQueue,
        "COMPLETED" => JobPhase.Completed,
        _ => JobPhase.InProgress,
    };

    private static void ThrowIfFailed(VideoJobHandle handle, FalStatus status)
    {
        if (status.Error is null && !status.IsFailed)
        {
            return;
        }

        var kind = status.ErrorType switch
        {
            FalErrors.ContentPolicyViolation => ProviderErrorKind.ContentPolicy,
            "request_timeout" => ProviderErrorKind.UserTimeout,
            _ => ProviderErrorKind.JobFailed,
        };
        var reason = status.Error ?? $"the job ended as {status.Status}";
        var type = status.ErrorType is null ? string.Empty : $" ({status.ErrorType})";
        throw new ProviderException($"fal.ai request {handle.RequestId} for {handle.Model} failed: {reason}{type}", kind, requestId: handle.RequestId);
    }
}
