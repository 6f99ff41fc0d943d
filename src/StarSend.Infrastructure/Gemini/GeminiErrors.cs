using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using StarSend.Core.Errors;
using StarSend.Infrastructure.Http;

namespace StarSend.Infrastructure.Gemini;

/// <summary>Turns a Google RPC error answer into a final <see cref="ProviderException"/> or a retryable <see cref="TransientHttpException"/> (providers.md §3.6).</summary>
internal static partial class GeminiErrors
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
            429 when Unrecoverable(details, message) is { } why => new AccountBlockedException(
                $"{text} ({why}; StarSend does not wait for it and sends no more Gemini calls this run)", ProviderErrorKind.QuotaExhausted, 429),
            429 or 408 or 500 or 502 or 503 or 504 => new TransientHttpException(text, answer.Status, RetryDelay(details) ?? RetryAfterHeader.Parse(answer.Header("Retry-After"), time)),
            401 or 403 => new ProviderException($"Gemini refused the key (HTTP {answer.Status}): GEMINI_API_KEY is missing or wrong ({message})", ProviderErrorKind.Unauthorized, answer.Status),
            404 or 410 => new ProviderException($"Gemini does not serve the model {model} (retired?): {message}", ProviderErrorKind.ModelNotFound, answer.Status),
            400 when ModelGoneText.Says(message) => new ProviderException($"Gemini no longer serves the model {model}: {message}", ProviderErrorKind.ModelNotFound, 400),
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

    /// <summary>
    /// Why a 429 cannot recover by waiting, whatever <c>retryDelay</c> says, or null for a per-minute quota worth
    /// waiting for: a quota with limit 0 (the free tier of a paid-only image model, field-log #12) or a per-day
    /// quota (sticky until the reset, providers.md §3.6).
    /// </summary>
    private static string? Unrecoverable(List<JsonObject> details, string message)
    {
        var violations = details.Where(d => JsonText.Of(d["@type"])?.EndsWith("google.rpc.QuotaFailure", StringComparison.Ordinal) == true)
            .SelectMany(d => (d["violations"] as JsonArray)?.OfType<JsonObject>() ?? [])
            .ToList();
        var ids = violations.Select(v => JsonText.Of(v["quotaId"]) ?? JsonText.Of(v["quotaMetric"])).OfType<string>().ToList();
        var named = ids.Count == 0 ? "the quota" : $"quota {string.Join(", ", ids)}";
        if (LimitZero().IsMatch(message) || violations.Any(v => JsonText.Number(v["quotaValue"]) == 0))
        {
            return $"{named} has a limit of 0: this key's project has no quota for the model (image models are paid-only); enable billing for it or use another key";
        }

        return ids.Any(id => id.Contains("PerDay", StringComparison.OrdinalIgnoreCase))
            ? $"{named} is per day: it recovers only after the daily reset; try again then, or raise the quota"
            : null;
    }

    [GeneratedRegex(@"\blimit:\s*0(?![\d.])", RegexOptions.CultureInvariant)]
    private static partial Regex LimitZero();

    private static TimeSpan? RetryDelay(List<JsonObject> details) =>
        details.Where(d => JsonText.Of(d["@type"])?.EndsWith("google.rpc.RetryInfo", StringComparison.Ordinal) == true)
            .Select(d => RetryAfterHeader.ParseDuration(JsonText.Of(d["retryDelay"])))
            .FirstOrDefault(d => d is not null);
}
