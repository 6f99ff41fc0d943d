using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Flurl.Http;
using Polly;
using Polly.Retry;
using StarSend.Core.Errors;
using StarSend.Core.Providers;
using StarSend.Infrastructure.Http;

namespace StarSend.Infrastructure.Fal;

/// <summary>fal.ai's queue: submit (sent at most once), status, result and cancel (repeatable) (providers.md §1.2–1.6).</summary>
internal sealed class FalQueue
{
    private readonly FalApi _api;
    private readonly FalOptions _options;
    private readonly ResiliencePipeline _connectRetry;

    public FalQueue(FalApi api, FalOptions options)
    {
        _api = api;
        _options = options;
        _connectRetry = options.SubmitConnectAttempts < 2
            ? ResiliencePipeline.Empty
            : new ResiliencePipelineBuilder { TimeProvider = api.Time }
                .AddRetry(new RetryStrategyOptions
                {
                    MaxRetryAttempts = options.SubmitConnectAttempts - 1,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = options.Retry.BaseDelay,
                    MaxDelay = options.Retry.MaxDelay,
                    ShouldHandle = new PredicateBuilder().Handle<HttpRequestException>(TransportErrors.NothingSent),
                })
                .Build();
    }

    public async Task<VideoJobHandle> SubmitAsync(VideoJob job, JsonObject body, CancellationToken cancellationToken)
    {
        var answer = await PaidCreate.SendAsync(
            token => _connectRetry.ExecuteAsync(
                async t =>
                {
                    var request = _api.Request(_api.QueueEndpoint(job.Model));
                    if (_options.StartTimeout is { } start)
                    {
                        request.WithHeader("x-fal-request-timeout", Math.Max(2, (int)start.TotalSeconds).ToString(CultureInfo.InvariantCulture));
                    }

                    return await _api.SendOnceAsync(request, HttpMethod.Post, body, _options.RequestTimeout, t);
                },
                token).AsTask(),
            "submit",
            _options.RequestTimeout,
            ex => new ProviderException(
                $"could not connect to fal.ai at {_options.QueueUrl.Host} to submit {job.Model} ({ex.Message}); nothing was submitted",
                ProviderErrorKind.Transient,
                inner: ex),
            (reason, ex) => Unknown(job, reason, ex),
            cancellationToken);

        if (!answer.IsSuccess)
        {
            var error = FalErrors.FromAnswer(answer, FalCall.Submit, job.Model, null, _api.Time);
            throw error switch
            {
                // A rate limit refuses the request before the queue takes it (providers.md §1.8: queued requests are never
                // rejected for concurrency, fal retries them itself): not accepted, nothing paid, ask again after Retry-After.
                TransientHttpException { Status: 429 } limited => new ProviderException(
                    $"{limited.Message}; the job was not accepted, nothing was paid", ProviderErrorKind.NotAccepted, 429) { RetryAfter = limited.RetryAfter },

                // A 5xx or 408 on the POST does not prove the queue did not take the job (fal-js notes a duplicate is possible
                // when one arrives after acceptance, providers.md §1.10): it is looked up before anything is sent again.
                TransientHttpException transient => new ProviderException(
                    $"fal.ai submit for {job.Model}: {transient.Message}; fal does not say whether the job was queued, so it is looked up before anything is sent again",
                    ProviderErrorKind.SubmissionUnknown,
                    transient.Status),
                _ => error,
            };
        }

        return ReadHandle(job, answer);
    }

    public async Task<FalStatus> StatusAsync(VideoJobHandle handle, CancellationToken cancellationToken)
    {
        var url = WithLogs(handle.StatusUrl);
        var (answer, json) = await _api.SendRepeatableAsync(
            FalCall.Status, handle.RequestId, handle.RequestId, HttpMethod.Get, url, null, _ => false, cancellationToken);
        try
        {
            return FalStatus.Parse(json);
        }
        catch (FormatException ex)
        {
            throw new ProviderException($"fal.ai status for {handle.RequestId}: {ex.Message}", ProviderErrorKind.Other, answer.Status, handle.RequestId, ex);
        }
    }

    public async Task<(JsonObject Output, decimal? BillableUnits)> ResultAsync(VideoJobHandle handle, CancellationToken cancellationToken)
    {
        var url = new Uri(handle.ResponseUrl);
        var (answer, json) = await _api.SendRepeatableAsync(
            FalCall.Result, handle.RequestId, handle.RequestId, HttpMethod.Get, url, null, _ => false, cancellationToken);
        var units = decimal.TryParse(answer.Header("x-fal-billable-units"), NumberStyles.Float, CultureInfo.InvariantCulture, out var u) ? u : (decimal?)null;
        return json is JsonObject output
            ? (output, units)
            : throw new ProviderException($"fal.ai result for {handle.RequestId} is not a JSON object", ProviderErrorKind.BadOutput, answer.Status, handle.RequestId);
    }

    public async Task<CancelOutcome> CancelAsync(VideoJobHandle handle, CancellationToken cancellationToken)
    {
        var url = new Uri(handle.CancelUrl);
        var (answer, json) = await _api.SendRepeatableAsync(
            FalCall.Cancel, handle.RequestId, handle.RequestId, HttpMethod.Put, url, null, a => a.Status is 400 or 404 or 409, cancellationToken);
        var status = (json as JsonObject)?["status"] is JsonValue v && v.TryGetValue<string>(out var s) ? s.ToUpperInvariant() : null;
        return (status, answer.Status) switch
        {
            ("ALREADY_COMPLETED", _) or (null, 400 or 409) => CancelOutcome.AlreadyCompleted,
            ("NOT_FOUND", _) or (null, 404) => CancelOutcome.NotFound,
            (_, >= 200 and < 300) => CancelOutcome.CancellationRequested,
            _ => throw FalErrors.FromAnswer(answer, FalCall.Cancel, handle.RequestId, handle.RequestId, _api.Time),
        };
    }

    private VideoJobHandle ReadHandle(VideoJob job, HttpAnswer answer)
    {
        JsonObject? obj;
        try
        {
            obj = JsonNode.Parse(answer.Body) as JsonObject;
        }
        catch (JsonException ex)
        {
            throw Unknown(job, $"HTTP {answer.Status} with a body that is not JSON", ex);
        }

        var requestId = JsonText.Of(obj?["request_id"]) ?? throw Unknown(job, $"HTTP {answer.Status} without a request_id", null);
        var requests = Requests(job.Model, requestId);
        return new VideoJobHandle(
            requestId,
            job.Model,
            JsonText.Of(obj!["status_url"]) ?? requests + "/status",
            JsonText.Of(obj["response_url"]) ?? requests,
            JsonText.Of(obj["cancel_url"]) ?? requests + "/cancel")
        {
            DurationS = job.TotalDurationS,
        };
    }

    /// <summary>The handle of a request found by id (a lost submit's lookup): URLs by fal's documented rule (providers.md §1.2).</summary>
    public VideoJobHandle HandleFor(VideoJob job, string requestId)
    {
        var requests = Requests(job.Model, requestId);
        return new VideoJobHandle(requestId, job.Model, requests + "/status", requests, requests + "/cancel") { DurationS = job.TotalDurationS };
    }

    /// <summary>
    /// Only for a submit answer that lacks the URLs (the webhook variant carries just the id): fal's documented
    /// rule, owner/alias without the endpoint path (providers.md §1.2). URLs that came back are always used as given.
    /// </summary>
    private string Requests(string model, string requestId)
    {
        var parts = model.Split('/');
        var skip = parts[0] is "workflows" or "comfy" ? 1 : 0;
        var app = string.Join('/', parts.Skip(skip).Take(2).Prepend(skip == 1 ? parts[0] : null).OfType<string>());
        return $"{_api.QueueEndpoint(app).ToString().TrimEnd('/')}/requests/{Uri.EscapeDataString(requestId)}";
    }

    private static Uri WithLogs(string statusUrl) => new(statusUrl + (statusUrl.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "logs=1");

    private static ProviderException Unknown(VideoJob job, string reason, Exception? inner) => new(
        $"fal.ai submit for {job.Model}: {reason}; the job may have been accepted and billed, so it is not sent again",
        ProviderErrorKind.SubmissionUnknown,
        inner: inner);
}
