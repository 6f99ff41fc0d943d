using StarSend.Emulator.Gemini;
using StarSend.Emulator.Http;

namespace StarSend.Emulator.Faults;

/// <summary>The answers that replace a request's real handling (errors and garbage), in each vendor's style.</summary>
internal static class FaultReplies
{
    public const string TimeoutTypeHeader = "X-Fal-Request-Timeout-Type";

    /// <summary>The replacing reply, or null when the fault changes how the request is handled instead.</summary>
    public static Reply? Replace(FaultRule fault, string? model)
    {
        if (fault.Target == FaultTargets.Gemini)
        {
            return ForGemini(fault, model ?? "unknown");
        }

        if (FaultTargets.IsLeonardo(fault.Target))
        {
            return ForLeonardo(fault, model);
        }

        var download = fault.Target == FaultTargets.Download;
        return fault.Kind switch
        {
            FaultKind.TooManyRequests => FalErrors.Flat(429, "Too many requests, please retry later", "rate_limited")
                .WithHeader("Retry-After", fault.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            FaultKind.ServerError => FalErrors.Flat(500, "Internal server error", "internal_error"),
            FaultKind.BadGateway => FalErrors.Flat(502, "Runner returned an incomplete response", "runner_incomplete_response"),
            FaultKind.Unavailable => FalErrors.Flat(503, "No runner could be scheduled for this request", "runner_scheduling_failure"),
            FaultKind.GatewayTimeout => FalErrors.Flat(504, "Runner startup timed out", "startup_timeout"),
            FaultKind.UserTimeout => FalErrors.Flat(504, "Request timed out", "request_timeout").WithHeader(TimeoutTypeHeader, "user"),
            FaultKind.Unprocessable => FalErrors.Validation([new FieldError(["body", "prompt"], "Input validation failed (injected fault)", "value_error")]),
            FaultKind.ContentPolicy => FalErrors.Validation([new FieldError(["body", "prompt"], "The content could not be processed because it contained material flagged by a content checker.", "content_policy_violation")]),
            FaultKind.Locked => FalErrors.Locked(),
            FaultKind.ModelGone => FalErrors.NotFound($"Application '{model}' not found"),
            FaultKind.ModelDeprecated => FalErrors.Flat(410, $"The model '{model}' has been deprecated and is no longer available.", "model_deprecated"),
            FaultKind.DetailList => FalErrors.Validation(DetailList),
            FaultKind.Html => Reply.Text(200, "<!DOCTYPE html><html><head><title>Error</title></head><body><h1>502 Bad Gateway</h1></body></html>", "text/html; charset=utf-8"),
            FaultKind.Malformed when download => Reply.Text(200, "<html><body>upstream error</body></html>", "video/mp4"),
            FaultKind.Malformed => Reply.Text(200, "{\"status\": \"IN_PROGRESS\", \"request_id\": <html>", "application/json"),
            _ => null,
        };
    }

    /// <summary>Leonardo's <c>{"error","path","code"}</c> body for API calls; S3-style XML for the storage and the CDN.</summary>
    private static Reply? ForLeonardo(FaultRule fault, string? model)
    {
        var storage = fault.Target is FaultTargets.LeonardoDownload;
        Reply Error(int status, string text, string code) => storage ? Leonardo.LeonardoErrors.S3(status, code, text) : Leonardo.LeonardoErrors.Error(status, text, code);
        return fault.Kind switch
        {
            FaultKind.TooManyRequests => Error(429, "Too many requests: the API rate limit for this key was exceeded", "rate-limited")
                .WithHeader("Retry-After", fault.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            FaultKind.ServerError => Error(500, "Internal server error", "unexpected"),
            FaultKind.BadGateway => Error(502, "Bad gateway", "unexpected"),
            FaultKind.Unavailable => Error(503, "Service unavailable", "unexpected"),
            FaultKind.GatewayTimeout or FaultKind.UserTimeout => Error(504, "Gateway timeout", "unexpected"),
            FaultKind.Unprocessable => Leonardo.LeonardoErrors.Error(400, "Invalid request body (injected fault)", "validation-failed"),

            // Leonardo's answer for a withdrawn model is not documented [U]; a 404 in its {error, path, code} shape.
            FaultKind.ModelGone => Leonardo.LeonardoErrors.Error(404, $"model not found: {model}", "not-found"),
            FaultKind.Malformed when storage => Reply.Text(200, "<html><body>upstream error</body></html>", "video/mp4"),
            FaultKind.Malformed => Reply.Text(200, "{\"generations_by_pk\": <html>", "application/json"),
            _ => null,
        };
    }

    /// <summary>Kling's answer after fal renamed fields (field-log #9): a missing field, a literal error on duration, a root rule.</summary>
    private static IReadOnlyList<FieldError> DetailList { get; } =
    [
        new(["body", "start_image_url"], "Field required", "missing"),
        new(["body", "multi_prompt", 1, "duration"], "Input should be '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14' or '15'", "literal_error")
        {
            Input = System.Text.Json.Nodes.JsonValue.Create(5),
        },
        new(["body", "root"], "Value error, Either prompt or multi_prompt must be provided, not both", "value_error"),
    ];

    private static Reply? ForGemini(FaultRule fault, string model) => fault.Kind switch
    {
        FaultKind.TooManyRequests => GoogleErrors.Quota(model, fault.RetryAfterSeconds, perDay: false),
        FaultKind.QuotaDay => GoogleErrors.Quota(model, fault.Arg is null ? 3600 : fault.RetryAfterSeconds, perDay: true),
        FaultKind.QuotaFreeTier => GoogleErrors.FreeTierQuota(model, fault.Arg is null ? 53 : fault.RetryAfterSeconds),
        FaultKind.ServerError => GoogleErrors.Error(500, "INTERNAL", "An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting"),
        FaultKind.BadGateway => GoogleErrors.Error(502, "UNAVAILABLE", "Bad gateway."),
        FaultKind.Unavailable => GoogleErrors.Error(503, "UNAVAILABLE", "The model is overloaded. Please try again later."),
        FaultKind.GatewayTimeout or FaultKind.UserTimeout => GoogleErrors.Error(504, "DEADLINE_EXCEEDED", "Deadline expired before operation could complete."),
        FaultKind.Unprocessable => GoogleErrors.InvalidArgument("Request contains an invalid argument."),
        FaultKind.ModelGone => GoogleErrors.ModelNotFound(model),
        FaultKind.Malformed => Reply.Text(200, "{\"candidates\": [{\"content\": <html>", "application/json"),
        _ => null,
    };
}
