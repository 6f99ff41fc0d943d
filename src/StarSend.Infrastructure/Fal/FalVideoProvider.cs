using System.Text.Json.Nodes;
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
    private readonly FalRequestHistory _history;

    /// <summary>
    /// <paramref name="connections"/> is the shared connection pool (see <see cref="ProviderHttp.CreateConnections"/>: no
    /// automatic redirects; each call sets its own deadline); the provider builds its Flurl clients on it, one per fal base URL.
    /// </summary>
    public FalVideoProvider(HttpMessageHandler connections, FalOptions options, TimeProvider time, ILogger? log = null)
    {
        _options = options;
        _time = time;
        _log = log ?? Serilog.Core.Logger.None;
        var retry = new RetryRunner("fal.ai", options.Retry, time, _log);
        var api = new FalApi(connections, options, time, retry);
        _queue = new FalQueue(api, options);
        _storage = new FalStorage(api, options, retry);
        _history = new FalRequestHistory(api, options, _queue);
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

    /// <summary>
    /// Polls until COMPLETED, then reads the result. fal's result answer decides how the job ended (providers.md §1.4–1.5):
    /// a COMPLETED status carrying <c>error</c> is only a hint, checked against the result GET. A status value fal does
    /// not document is tolerated and polling goes on. A failure to read (401/403, a locked account, the network) is thrown
    /// as it is: the job is not failed by it.
    /// </summary>
    public async Task<VideoJobResult> WaitForResultAsync(VideoJobHandle handle, IProgress<JobProgress>? progress, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var schedule = new PollSchedule(_options.PollInitial, _options.PollGrowth, _options.PollMax);
        var seen = new HashSet<FalLogLine>();
        var warned = false;
        FalStatus status;
        while (true)
        {
            status = await _queue.StatusAsync(handle, cancellationToken);
            var fresh = status.Logs.Where(seen.Add).Select(l => l.Message).ToList();
            progress?.Report(new JobProgress(Phase(status), status.QueuePosition, fresh, _time.GetElapsedTime(started)));
            if (status.IsCompleted)
            {
                break;
            }

            if (status.IsUndocumented && !warned)
            {
                warned = true;
                _log.Warning("fal.ai answered status {Status} for request {RequestId}, which fal does not document; polling on", status.Status, handle.RequestId);
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

        JsonObject output;
        decimal? units;
        try
        {
            (output, units) = await _queue.ResultAsync(handle, cancellationToken);
        }
        catch (ProviderException ex) when (status.Error is not null && ex.HttpStatus is not null
            && ex.Kind is ProviderErrorKind.Transient or ProviderErrorKind.Other)
        {
            // The status said the job failed and the result answers with fal's own error (5xx, 499): the job ended.
            throw Failed(handle, status, ex);
        }

        var video = FalVideoOutput.Read(output, handle.RequestId);
        return video with { BillableUnits = units, CostUsd = Cost(handle, units) };
    }

    /// <summary>
    /// fal's request history (Platform API, <c>GET /v1/models/requests/by-endpoint</c>) searched for a job this submit
    /// may have created: same endpoint, sent in the window, same input, not one of <paramref name="known"/>.
    /// </summary>
    public Task<SubmitLookup> FindSubmittedAsync(VideoJob job, DateTimeOffset sentFrom, DateTimeOffset sentUntil, IReadOnlyCollection<string> known, CancellationToken cancellationToken) =>
        _history.FindAsync(job, KlingRequestBody.Build(job, KlingEndpoint.For(job.Model)), sentFrom, sentUntil, known, cancellationToken);

    public Task<CancelOutcome> CancelAsync(VideoJobHandle handle, CancellationToken cancellationToken) =>
        _queue.CancelAsync(handle, cancellationToken);

    public Task<long> DownloadAsync(Uri url, string destinationPath, long maxBytes, CancellationToken cancellationToken) =>
        _downloader.DownloadAsync(url, destinationPath, maxBytes, null, cancellationToken);

    public Task<long> DownloadAsync(Uri url, string destinationPath, long maxBytes, long? expectedBytes, CancellationToken cancellationToken) =>
        _downloader.DownloadAsync(url, destinationPath, maxBytes, expectedBytes, cancellationToken);

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

    private static ProviderException Failed(VideoJobHandle handle, FalStatus status, ProviderException result)
    {
        var kind = status.ErrorType switch
        {
            FalErrors.ContentPolicyViolation => ProviderErrorKind.ContentPolicy,
            "request_timeout" => ProviderErrorKind.UserTimeout,
            _ => ProviderErrorKind.JobFailed,
        };
        var type = status.ErrorType is null ? string.Empty : $" ({status.ErrorType})";
        return new ProviderException(
            $"fal.ai request {handle.RequestId} for {handle.Model} failed: {status.Error}{type}; its result answered HTTP {result.HttpStatus}",
            kind,
            result.HttpStatus,
            handle.RequestId,
            result);
    }
}
