using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Polly;
using Polly.Retry;
using Serilog;
using StarSend.Core.Errors;
using StarSend.Core.Providers;
using StarSend.Core.Providers.VideoModels;
using StarSend.Infrastructure.Fal;
using StarSend.Infrastructure.Http;

namespace StarSend.Infrastructure.Leonardo;

/// <summary>
/// Leonardo.Ai image-to-video (Kling 3.0, Kling O3, Veo 3.1 on v2 <c>generations</c>; Motion 2.0 on v1
/// <c>generations-image-to-video</c>), polled on v1 <c>generations/{id}</c> (providers-2.md §2). The create is sent at
/// most once: Leonardo's own SDK retries creates on 429/5xx and can pay twice ([P] retryCodes), StarSend never
/// repeats a create it cannot prove was refused. Uploads, polls and downloads are retried with back-off.
/// </summary>
public sealed class LeonardoVideoProvider : IVideoProvider
{
    private readonly LeonardoOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly LeonardoApi _api;
    private readonly LeonardoUploads _uploads;
    private readonly FileDownloader _downloader;
    private readonly RetryRunner _retry;
    private readonly ResiliencePipeline _connectRetry;

    /// <summary><paramref name="connections"/> is the shared pool (<see cref="ProviderHttp.CreateConnections"/>); Flurl clients are built on it.</summary>
    public LeonardoVideoProvider(HttpMessageHandler connections, LeonardoOptions options, TimeProvider time, ILogger? log = null)
    {
        _options = options;
        _time = time;
        _log = log ?? Serilog.Core.Logger.None;
        _retry = new RetryRunner("Leonardo", options.Retry, time, _log);
        _api = new LeonardoApi(connections, options, time, _retry);
        _uploads = new LeonardoUploads(_api, options, _retry);
        _downloader = new FileDownloader(_api.Plain, time, _retry, options.DownloadIdleTimeout, _log);
        _connectRetry = options.CreateConnectAttempts < 2
            ? ResiliencePipeline.Empty
            : new ResiliencePipelineBuilder { TimeProvider = time }
                .AddRetry(new RetryStrategyOptions
                {
                    MaxRetryAttempts = options.CreateConnectAttempts - 1,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = options.Retry.BaseDelay,
                    MaxDelay = options.Retry.MaxDelay,
                    ShouldHandle = new PredicateBuilder().Handle<HttpRequestException>(TransportErrors.NothingSent),
                })
                .Build();
    }

    public void Validate(VideoJob job)
    {
        var caps = CapsOf(job.Model);
        var problems = new List<string>();
        if (job.Shots.Count < 1 || job.Shots.Count > caps.MaxShotsPerCall)
        {
            problems.Add($"shots: {job.Shots.Count} shots, the model takes {caps.MaxShotsPerCall} a call");
        }

        for (var i = 0; i < job.Shots.Count; i++)
        {
            var shot = job.Shots[i];
            if (string.IsNullOrWhiteSpace(shot.Prompt))
            {
                problems.Add($"shots[{i}].prompt: empty");
            }
            else if (shot.Prompt.EnumerateRunes().Count() > caps.MaxPromptCharacters)
            {
                problems.Add($"shots[{i}].prompt: more than {caps.MaxPromptCharacters} characters");
            }

            if (!caps.AllowsDuration(shot.DurationS))
            {
                problems.Add($"shots[{i}].duration: {shot.DurationS} s, the model takes {caps.DurationsText()} s");
            }
        }

        var hasStart = !string.IsNullOrWhiteSpace(job.StartImageUrl);
        if (!hasStart)
        {
            problems.Add("start frame: StarSend's Leonardo calls are image-to-video and need one");
        }

        if (job.Elements.Count > caps.ElementCap(hasStart))
        {
            problems.Add($"elements: {job.Elements.Count} given, the model takes {caps.ElementCap(hasStart)} {(hasStart ? "with" : "without")} a start frame");
        }

        if (problems.Count > 0)
        {
            throw new BadInputException($"video job for {caps.Id.Full}: {string.Join("; ", problems)}");
        }
    }

    public decimal EstimateCostUsd(VideoJob job) => job.TotalDurationS * _options.PriceOf(CapsOf(job.Model));

    /// <summary>Without a model the image limits cannot be checked; StarSend always calls <see cref="UploadForAsync"/>.</summary>
    public Task<string> UploadAsync(string localPath, string contentType, CancellationToken cancellationToken) =>
        UploadForAsync("leonardo:kling-3.0", localPath, contentType, cancellationToken);

    /// <summary>Checks the image against the model's limits, then returns its init-image id (see <see cref="LeonardoUploads"/>).</summary>
    public Task<string> UploadForAsync(string model, string localPath, string contentType, CancellationToken cancellationToken)
    {
        var caps = CapsOf(model);
        RequireKey();
        StarSend.Imaging.ImageInfo info;
        try
        {
            info = StarSend.Imaging.ImageHeader.Read(localPath);
        }
        catch (StarSend.Imaging.ImagingException ex)
        {
            throw new BadInputException($"cannot send {Path.GetFileName(localPath)} to {caps.Id.Full}: {ex.Message}");
        }

        if (caps.Images.Problem(info.Bytes, info.Width, info.Height, Path.GetExtension(localPath)) is { } problem)
        {
            throw new BadInputException($"cannot send {Path.GetFileName(localPath)} to {caps.Id.Full}: {problem}");
        }

        return _uploads.UploadAsync(localPath, contentType, cancellationToken);
    }

    public async Task<VideoJobHandle> SubmitAsync(VideoJob job, CancellationToken cancellationToken)
    {
        var caps = CapsOf(job.Model);
        Validate(job);
        RequireKey();
        var url = _api.Endpoint(LeonardoRequestBody.PathFor(caps));
        var body = LeonardoRequestBody.Build(job, caps);
        var answer = await PaidCreate.SendAsync(
            token => _connectRetry.ExecuteAsync(async t => await _api.SendOnceAsync(url, HttpMethod.Post, body.DeepClone(), t), token).AsTask(),
            "create",
            _options.RequestTimeout,
            ex => new ProviderException(
                $"could not connect to Leonardo at {_options.BaseUrl.Host} to create {caps.Id.Full} ({ex.Message}); nothing was sent", ProviderErrorKind.Transient, inner: ex),
            (reason, ex) => Unknown(caps, reason, ex),
            cancellationToken);

        if (!answer.IsSuccess)
        {
            throw CreateRefused(caps, answer);
        }

        var handle = ReadHandle(job, caps, answer);
        _log.Information("Leonardo accepted {Model} as generation {GenerationId} (reported cost {ReportedCost})", caps.Id.Full, handle.RequestId, handle.ReportedCost?.ToString() ?? "none");
        return handle;
    }

    public async Task<VideoJobResult> WaitForResultAsync(VideoJobHandle handle, IProgress<JobProgress>? progress, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var schedule = new PollSchedule(_options.PollInitial, _options.PollGrowth, _options.PollMax);
        while (true)
        {
            var json = await _api.SendRepeatableAsync(LeonardoCall.Status, handle.RequestId, handle.RequestId, HttpMethod.Get, new Uri(handle.StatusUrl), null, cancellationToken);
            if (json is JsonObject answer && answer.ContainsKey("generations_by_pk") && answer["generations_by_pk"] is null)
            {
                // Hasura answers null for a primary key it does not hold: the generation was deleted (or never was).
                throw new ProviderException(
                    $"generation {handle.RequestId} is no longer at Leonardo (its status answers generations_by_pk: null)", ProviderErrorKind.Expired, requestId: handle.RequestId);
            }

            LeonardoGeneration generation;
            try
            {
                generation = LeonardoGeneration.Parse(json);
            }
            catch (FormatException ex)
            {
                throw new ProviderException($"Leonardo status for generation {handle.RequestId}: {ex.Message}", ProviderErrorKind.Other, requestId: handle.RequestId, inner: ex);
            }

            progress?.Report(new JobProgress(generation.IsComplete ? JobPhase.Completed : JobPhase.InProgress, null, [], _time.GetElapsedTime(started)));
            if (generation.IsFailed)
            {
                throw new ProviderException(
                    $"Leonardo generation {handle.RequestId} for {handle.Model} FAILED{(generation.FailureReason is { } r ? $": {r}" : " (Leonardo gives no reason)")}",
                    ProviderErrorKind.JobFailed,
                    requestId: handle.RequestId);
            }

            if (generation.IsComplete)
            {
                if (generation.VideoUrl is null || !Uri.TryCreate(generation.VideoUrl, UriKind.Absolute, out var video))
                {
                    throw new ProviderException(
                        $"Leonardo generation {handle.RequestId} is COMPLETE without generated_images[0].motionMP4URL", ProviderErrorKind.BadOutput, requestId: handle.RequestId);
                }

                var price = _options.PriceOf(CapsOf(handle.Model));
                return new VideoJobResult { VideoUrl = video, ContentType = "video/mp4", CostUsd = (handle.DurationS ?? 0) * price };
            }

            if (_time.GetElapsedTime(started) >= _options.MaxWait)
            {
                throw new ProviderException(
                    $"generation {handle.RequestId} is still {generation.Status} after {_options.MaxWait.TotalMinutes:0} min; it keeps running at Leonardo and the next run picks it up again",
                    ProviderErrorKind.Transient,
                    requestId: handle.RequestId);
            }

            await Task.Delay(schedule.Next(), _time, cancellationToken);
        }
    }

    /// <summary>
    /// <c>DELETE /v1/generations/{id}</c> ([P] SDK), the only call Leonardo offers on a generation; whether it stops a
    /// running one (and its charge) is [U], so a deleted running job is reported as a cancellation requested.
    /// </summary>
    public async Task<CancelOutcome> CancelAsync(VideoJobHandle handle, CancellationToken cancellationToken)
    {
        try
        {
            await _api.SendRepeatableAsync(LeonardoCall.Delete, handle.RequestId, handle.RequestId, HttpMethod.Delete, new Uri(handle.CancelUrl), null, cancellationToken);
            return CancelOutcome.CancellationRequested;
        }
        catch (ProviderException ex) when (ex.HttpStatus == 404)
        {
            return CancelOutcome.NotFound;
        }
    }

    public Task<long> DownloadAsync(Uri url, string destinationPath, long maxBytes, CancellationToken cancellationToken) =>
        _downloader.DownloadAsync(url, destinationPath, maxBytes, null, cancellationToken);

    public Task<long> DownloadAsync(Uri url, string destinationPath, long maxBytes, long? expectedBytes, CancellationToken cancellationToken) =>
        _downloader.DownloadAsync(url, destinationPath, maxBytes, expectedBytes, cancellationToken);

    private static VideoModelCapabilities CapsOf(string model)
    {
        var caps = VideoModelCatalog.For(model);
        return caps.Id.Provider == VideoModelId.Leonardo ? caps : throw new BadInputException($"video model '{model}' is not a Leonardo model");
    }

    private void RequireKey()
    {
        if (!_api.HasKey)
        {
            throw LeonardoCredentials.Missing();
        }
    }

    /// <summary>
    /// A create that answered with an error. 429 and 503 say it was refused: nothing was paid and a later run may try
    /// again. Other 5xx (500, 502, 504: a gateway may have passed it on) cannot prove that, so they are
    /// <c>submission_unknown</c> like a lost answer (which statuses Leonardo's gateway uses is [U]). 4xx are final.
    /// </summary>
    private Exception CreateRefused(VideoModelCapabilities caps, HttpAnswer answer)
    {
        var error = LeonardoErrors.FromAnswer(answer, LeonardoCall.Create, caps.Id.Full, null, _time);
        if (error is not TransientHttpException transient)
        {
            return error;
        }

        return answer.Status is 429 or 503
            ? new ProviderException($"{transient.Message}; the generation was not accepted, nothing was paid: try again later", ProviderErrorKind.Transient, transient.Status)
            : Unknown(caps, $"HTTP {answer.Status} ({LeonardoErrors.ReadBody(answer).Detail ?? "no detail"})", transient);
    }

    /// <summary>
    /// The generation id and reported cost from the create answer: v2 <c>generate {generationId, cost}</c>, v1
    /// <c>motionVideoGenerationJob {generationId, cost}</c>, or a top-level <c>generationId</c> (one note says v2's
    /// OpenAPI answers that way: [U], so both are read). A success without an id is never resubmitted.
    /// </summary>
    private VideoJobHandle ReadHandle(VideoJob job, VideoModelCapabilities caps, HttpAnswer answer)
    {
        JsonObject? obj;
        try
        {
            obj = JsonNode.Parse(answer.Body) as JsonObject;
        }
        catch (JsonException ex)
        {
            throw Unknown(caps, $"HTTP {answer.Status} with a body that is not JSON", ex);
        }

        var envelope = obj?["generate"] as JsonObject ?? obj?["motionVideoGenerationJob"] as JsonObject ?? obj;
        var id = JsonText.Of(envelope?["generationId"]) ?? JsonText.Of(obj?["generationId"])
            ?? throw Unknown(caps, $"HTTP {answer.Status} without a generationId", null);
        var url = _api.Endpoint($"v1/generations/{Uri.EscapeDataString(id)}").AbsoluteUri;
        return new VideoJobHandle(id, caps.Id.Full, url, url, url)
        {
            DurationS = job.TotalDurationS,
            ReportedCost = ReadCost(envelope?["cost"] ?? obj?["cost"]),
        };
    }

    /// <summary><c>cost {amount, unit}</c>; amount as a string ("0.40") or a number. Null when absent or unreadable.</summary>
    private static ReportedCost? ReadCost(JsonNode? cost)
    {
        if (cost is not JsonObject c)
        {
            return null;
        }

        var amountNode = c["amount"];
        decimal? amount = amountNode is JsonValue v
            ? v.TryGetValue<decimal>(out var d) ? d
            : v.TryGetValue<string>(out var s) && decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed
            : null
            : null;
        return amount is { } a ? new ReportedCost(a, JsonText.Of(c["unit"]) ?? "UNKNOWN") : null;
    }

    private static ProviderException Unknown(VideoModelCapabilities caps, string reason, Exception? inner) => new(
        $"Leonardo create for {caps.Id.Full}: {reason}; the generation may have been accepted and billed, so it is not sent again",
        ProviderErrorKind.SubmissionUnknown,
        inner: inner);
}
