using System.Text.Json;
using System.Text.Json.Nodes;
using StarSend.Core.Errors;
using StarSend.Infrastructure.Http;

namespace StarSend.Infrastructure.Gemini;

/// <summary>Turns a Google RPC error answer into a final <see cref="ProviderException"/> or a retryable <see cref="TransientHttpException"/> (providers.md §3.6).</summary>
internal static class GeminiErrors
{
    public static Exception FromAnswer(HttpAnswer answer, string model, TimeProvider time)
    {
        var error = Parse(answer);
        var message = JsonText.Of(error?["message"]) ?? (answer.Text.Length > 0 ? answer.Text[..Math.Min(answer.Text.Length, 300)] : "no detail");
        var rpcStatus = JsonText.Of(error?["status"]);
        var details = (error?["details"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        var text = $"Gemini {model} answered HTTP {answer.Status}{(rpcStatus is null ? string.Empty : $" {rpcStatus}")}: {message}";
        return answer.Status switch
        {
            429 when DailyQuota(details) is { } quotaId => new ProviderException(
                $"{text} (quota {quotaId} is per day: it is not retried; try again after it resets)", ProviderErrorKind.QuotaExhausted, 429),
            429 or 408 or 500 or 502 or 503 or 504 => new TransientHttpException(text, answer.Status, RetryDelay(details) ?? RetryAfterHeader.Parse(answer.Header("Retry-After"), time)),
            401 or 403 => new ProviderException($"Gemini refused the key (HTTP {answer.Status}): GEMINI_API_KEY is missing or wrong ({message})", ProviderErrorKind.Unauthorized, answer.Status),
            404 => new ProviderException($"Gemini does not serve the model {model} (retired?): {message}", ProviderErrorKind.ModelNotFound, answer.Status),
            400 => new ProviderException(text, ProviderErrorKind.Validation, 400),
            _ => new ProviderException(text, ProviderErrorKind.Other, answer.Status),
        };
    }

    private static JsonObject? Parse(HttpAnswer answer)
    {
        try
        {
            return (JsonNode.Parse(answer.Body) as JsonObject)?["error"] as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? DailyQuota(List<JsonObject> details) =>
        details.Where(d => JsonText.Of(d["@type"])?.EndsWith("google.rpc.QuotaFailure", StringComparison.Ordinal) == true)
            .SelectMany(d => (d["violations"] as JsonArray)?.OfType<JsonObject>() ?? [])
            .Select(v => JsonText.Of(v["quotaId"]))
            .FirstOrDefault(id => id?.Contains("PerDay", StringComparison.OrdinalIgnoreCase) == true);

    private static TimeSpan? RetryDelay(List<JsonObject> details) =>
        details.Where(d => JsonText.Of(d["@type"])?.EndsWith("google.rpc.RetryInfo", StringComparison.Ordinal) == true)
            .Select(d => RetryAfterHeader.ParseDuration(JsonText.Of(d["retryDelay"])))
            .FirstOrDefault(d => d is not null);
}
