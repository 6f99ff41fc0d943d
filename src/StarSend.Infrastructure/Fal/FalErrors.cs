using System.Text.Json;
using System.Text.Json.Nodes;
using StarSend.Core.Errors;
using StarSend.Infrastructure.Http;

namespace StarSend.Infrastructure.Fal;

/// <summary>Turns a fal.ai error answer into a final <see cref="ProviderException"/> or a retryable <see cref="TransientHttpException"/> (providers.md §1.7).</summary>
internal static class FalErrors
{
    public const string ContentPolicyViolation = "content_policy_violation";

    public static Exception FromAnswer(HttpAnswer answer, FalCall call, string subject, string? requestId, TimeProvider time)
    {
        var (detail, errorType, contentPolicy) = ReadBody(answer);
        errorType ??= answer.Header("X-Fal-Error-Type");
        var status = answer.Status;
        var what = $"fal.ai {Name(call)} for {subject} answered HTTP {status}";
        var text = $"{what}: {detail ?? "no detail"}{(errorType is null ? string.Empty : $" ({errorType})")}";

        if (status == 504 && string.Equals(answer.Header("X-Fal-Request-Timeout-Type"), "user", StringComparison.OrdinalIgnoreCase))
        {
            return new ProviderException($"{text}; the request's own start deadline passed", ProviderErrorKind.UserTimeout, status, requestId);
        }

        if (status is 401 or 403 && IsLocked(detail))
        {
            return new AccountBlockedException(
                $"{what}: the fal.ai account is locked or out of balance ({detail}); top up at https://fal.ai/dashboard/billing, then run the same command again",
                status,
                requestId);
        }

        var fields = FieldErrors(answer);
        return status switch
        {
            401 or 403 => new ProviderException($"{what}: FAL_KEY is missing or wrong ({detail ?? "key refused"})", ProviderErrorKind.Unauthorized, status, requestId),
            422 or 400 when contentPolicy || errorType == ContentPolicyViolation => new ProviderException(text, ProviderErrorKind.ContentPolicy, status, requestId) { FieldErrors = fields },
            404 or 410 when call is FalCall.Status or FalCall.Result => new ProviderException(
                $"request {requestId} is past fal's retention window (results are kept 1 h after completion, 6 min when large): {detail ?? $"HTTP {status}"}",
                ProviderErrorKind.Expired,
                status,
                requestId),
            404 or 410 when call is FalCall.Submit => new ProviderException($"{what}: fal.ai serves no endpoint {subject} ({detail ?? (status == 410 ? "gone" : "not found")})", ProviderErrorKind.ModelNotFound, status),
            400 or 422 when call is FalCall.Submit && fields.Count == 0 && ModelGoneText.Says(detail) =>
                new ProviderException($"{what}: fal.ai no longer serves {subject} ({detail})", ProviderErrorKind.ModelNotFound, status),
            422 or 400 => new ProviderException(text, ProviderErrorKind.Validation, status, requestId) { FieldErrors = fields },
            408 or 429 or >= 500 => new TransientHttpException(text, status, RetryAfterHeader.Parse(answer.Header("Retry-After"), time)),
            _ => new ProviderException(text, ProviderErrorKind.Other, status, requestId),
        };
    }

    /// <summary>
    /// fal's 403 for an account below its lock threshold: "User is locked. Reason: Exhausted balance. Top up your balance at
    /// fal.ai/dashboard/billing." (field-log #8; fal-ai/fal#1147), as opposed to a key that is wrong or lacks scope.
    /// </summary>
    public static bool IsLocked(string? detail) =>
        detail is not null && (detail.Contains("locked", StringComparison.OrdinalIgnoreCase)
            || detail.Contains("exhausted balance", StringComparison.OrdinalIgnoreCase)
            || detail.Contains("top up", StringComparison.OrdinalIgnoreCase));

    /// <summary>The items of a <c>{"detail":[{loc, msg, type}]}</c> answer (providers.md §1.7), in order; empty for any other body.</summary>
    public static IReadOnlyList<ProviderFieldError> FieldErrors(HttpAnswer answer)
    {
        try
        {
            if (JsonNode.Parse(answer.Body) is JsonObject { } obj && obj["detail"] is JsonArray items)
            {
                return [.. items.OfType<JsonObject>().Select(i => new ProviderFieldError(
                    i["loc"] is JsonArray loc ? [.. loc.Select(p => p is JsonValue v && v.TryGetValue<string>(out var text) ? text : p?.ToJsonString() ?? string.Empty)] : [],
                    JsonText.Of(i["msg"]) ?? JsonText.Of(i["type"]) ?? "invalid",
                    JsonText.Of(i["type"])))];
            }
        }
        catch (JsonException)
        {
        }

        return [];
    }

    /// <summary>Field errors as <c>body.prompt: msg</c>, or the flat <c>detail</c> string.</summary>
    private static (string? Detail, string? ErrorType, bool ContentPolicy) ReadBody(HttpAnswer answer)
    {
        JsonNode? body;
        try
        {
            body = JsonNode.Parse(answer.Body);
        }
        catch (JsonException)
        {
            var raw = answer.Text.Trim();
            return (raw.Length == 0 ? null : raw[..Math.Min(raw.Length, 300)], null, false);
        }

        if (body is not JsonObject obj)
        {
            return (null, null, false);
        }

        var errorType = JsonText.Of(obj["error_type"]);
        return obj["detail"] switch
        {
            JsonArray items => (
                string.Join("; ", items.OfType<JsonObject>().Select(FieldError)),
                errorType ?? items.OfType<JsonObject>().Select(i => JsonText.Of(i["type"])).FirstOrDefault(t => t is not null),
                items.OfType<JsonObject>().Any(i => JsonText.Of(i["type"]) == ContentPolicyViolation)),
            JsonValue value => (JsonText.Of(value), errorType, false),
            _ => (JsonText.Of(obj["error"]) ?? JsonText.Of(obj["message"]), errorType, false),
        };
    }

    private static string FieldError(JsonObject item)
    {
        var loc = item["loc"] is JsonArray parts ? string.Join(".", parts.Select(p => p?.ToString())) : null;
        var msg = JsonText.Of(item["msg"]) ?? JsonText.Of(item["type"]) ?? "invalid";
        return loc is null ? msg : $"{loc}: {msg}";
    }

    private static string Name(FalCall call) => call switch
    {
        FalCall.Submit => "submit",
        FalCall.Status => "status",
        FalCall.Result => "result",
        FalCall.Cancel => "cancel",
        FalCall.History => "request history",
        _ => "upload",
    };
}
