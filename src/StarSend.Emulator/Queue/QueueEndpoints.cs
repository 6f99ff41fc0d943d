using System.Globalization;
using System.Text.Json.Nodes;
using StarSend.Emulator.Control;
using StarSend.Emulator.Faults;
using StarSend.Emulator.Http;
using StarSend.Emulator.Kling;
using StarSend.Emulator.Outputs;
using StarSend.Emulator.Storage;

namespace StarSend.Emulator.Queue;

/// <summary>fal's queue: submit, status, result and cancel, with jobs moving on the injected clock.</summary>
internal sealed class QueueEndpoints(EmulatorOptions options, JobStore jobs, FileStore files, RequestCounter counter)
{
    public const string RequestIdHeader = "x-fal-request-id";

    public const string BillableUnitsHeader = "x-fal-billable-units";

    public Reply Submit(EmulatorRequest request, string modelId, string appPath, FaultRule? fault)
    {
        // Like fal, an app that does not exist is a 404 and nothing is queued (or billed).
        if (!modelId.StartsWith("fal-ai/kling-video/", StringComparison.Ordinal) && !modelId.StartsWith("workflows/", StringComparison.Ordinal) && !modelId.StartsWith("comfy/", StringComparison.Ordinal))
        {
            return FalErrors.NotFound($"Application '{modelId}' not found");
        }

        var body = request.Body.Length == 0 ? new JsonObject() : request.JsonBody();
        if (body is null)
        {
            return FalErrors.Validation([new FieldError(["body"], "Input should be a valid dictionary", "dict_type")]);
        }

        var (spec, errors) = KlingValidator.Read(modelId, body);
        if (spec is null)
        {
            return FalErrors.Validation(errors);
        }

        if (StartImageLimits.Check(spec, files, request.BaseUrl) is { Count: > 0 } imageErrors)
        {
            return FalErrors.Validation(imageErrors);
        }

        var requestId = Guid.NewGuid().ToString();
        var baseUrl = request.BaseUrl;
        var job = new QueueJob
        {
            RequestId = requestId,
            ModelId = modelId,
            AppPath = appPath,
            SubmittedAt = options.Time.GetUtcNow(),
            QueueWait = options.QueueWait,
            RunTime = options.RunTime,
            Video = spec,
            VideoFile = files.AddLazy("output.mp4", "video/mp4", () => VideoRenderer.Render(spec, files, baseUrl)),
            StartTimeout = StartTimeout(request.Header("x-fal-request-timeout")),
            Hangs = fault?.Kind == FaultKind.Hang,
            ErrorStatus = fault?.Kind == FaultKind.JobError ? (int)(fault.Arg ?? 422) : null,
            Input = (JsonObject)body.DeepClone(),
            StoresPayload = request.Header("X-Fal-Store-IO")?.Trim() is not ("0" or "false"),
        };
        jobs.Add(job);
        counter.SubmitAccepted();
        var snapshot = job.At(job.SubmittedAt);
        var reply = new JsonObject
        {
            ["status"] = "IN_QUEUE",
            ["request_id"] = requestId,
            ["response_url"] = QueueUrls.Response(baseUrl, appPath, requestId),
            ["status_url"] = QueueUrls.Status(baseUrl, appPath, requestId),
            ["cancel_url"] = QueueUrls.Cancel(baseUrl, appPath, requestId),
            ["queue_position"] = snapshot.QueuePosition,
        };
        return Reply.Json(200, reply).WithHeader(RequestIdHeader, requestId);
    }

    public Reply Status(EmulatorRequest request, string appPath, string requestId, FaultRule? fault)
    {
        var now = options.Time.GetUtcNow();
        if (Live(appPath, requestId, fault, now) is not { } job)
        {
            return Missing(requestId, jobs.Find(appPath, requestId) is not null || fault?.Kind == FaultKind.Expire);
        }

        if (fault?.Kind == FaultKind.UndocumentedStatus)
        {
            // Seen through relays (field-log #7): a value no official client knows, while the job goes on.
            return Reply.Json(200, new JsonObject { ["status"] = "FAILED", ["request_id"] = requestId }).WithHeader(RequestIdHeader, requestId);
        }

        var snapshot = job.At(now);
        var body = StatusBody.Build(job, snapshot, request.BaseUrl, WantsLogs(request.Query("logs")), now);
        return Reply.Json(snapshot.Phase == JobPhase.Completed ? 200 : 202, body).WithHeader(RequestIdHeader, requestId);
    }

    public Reply Result(EmulatorRequest request, string appPath, string requestId, FaultRule? fault)
    {
        var now = options.Time.GetUtcNow();
        if (Live(appPath, requestId, fault, now) is not { } job)
        {
            return Missing(requestId, jobs.Find(appPath, requestId) is not null || fault?.Kind == FaultKind.Expire);
        }

        var snapshot = job.At(now);
        var reply = snapshot switch
        {
            { Phase: not JobPhase.Completed } => FalErrors.Flat(400, "Request is still in progress"),
            { Outcome: JobOutcome.Cancelled } => FalErrors.Flat(499, "Request was cancelled", "client_cancelled"),
            { Outcome: JobOutcome.TimedOut } => FalErrors.Flat(504, "Request timed out", "request_timeout").WithHeader(FaultReplies.TimeoutTypeHeader, "user"),
            { Outcome: JobOutcome.Failed } when job.ErrorStatus == 500 => FalErrors.Flat(500, "Internal server error", "runner_server_error"),
            { Outcome: JobOutcome.Failed } => FalErrors.Validation([new FieldError(["body"], "No video was generated for this input", "no_media_generated")]),
            _ => Reply.Json(200, Output(job, request.BaseUrl, job.VideoFile.Content.Length))
                .WithHeader(BillableUnitsHeader, job.Video.DurationS.ToString(CultureInfo.InvariantCulture)),
        };
        return reply.WithHeader(RequestIdHeader, requestId);
    }

    public Reply Cancel(string appPath, string requestId, FaultRule? fault)
    {
        var now = options.Time.GetUtcNow();
        if (Live(appPath, requestId, fault, now) is not { } job)
        {
            return Reply.Json(404, new JsonObject { ["status"] = "NOT_FOUND" });
        }

        return job.TryCancel(now)
            ? Reply.Json(202, new JsonObject { ["status"] = "CANCELLATION_REQUESTED" })
            : Reply.Json(400, new JsonObject { ["status"] = "ALREADY_COMPLETED" });
    }

    /// <summary>The job, unless it is unknown or past fal's retention window (1 h, or 6 min for results of 10 KB or more).</summary>
    public QueueJob? Live(string appPath, string requestId, FaultRule? fault, DateTimeOffset now)
    {
        if (fault?.Kind == FaultKind.Expire || jobs.Find(appPath, requestId) is not { } job)
        {
            return null;
        }

        var completedAt = job.At(now).CompletedAt;
        var resultBytes = Output(job, "http://127.0.0.1:65535", 0).ToJsonString().Length;
        var retention = resultBytes >= 10 * 1024 ? TimeSpan.FromMinutes(6) : TimeSpan.FromHours(1);
        return completedAt is { } at && now >= at + retention ? null : job;
    }

    private static Reply Missing(string requestId, bool expired) => FalErrors.NotFound(expired
        ? $"Request {requestId} not found: results are kept for 1 hour after the request completes"
        : $"Request {requestId} not found");

    private static JsonObject Output(QueueJob job, string baseUrl, int fileSize) => new()
    {
        ["video"] = new JsonObject
        {
            ["url"] = FileStore.FileUrl(baseUrl, job.VideoFile),
            ["content_type"] = "video/mp4",
            ["file_name"] = job.VideoFile.FileName,
            ["file_size"] = fileSize,
        },
    };

    private static bool WantsLogs(string? logs) => logs is "1" or "true" or "True";

    private static TimeSpan? StartTimeout(string? header) =>
        double.TryParse(header, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : null;
}
