using System.Text.Json;
using System.Text.Json.Nodes;
using StarSend.Core.Errors;
using StarSend.Infrastructure.Http;

namespace StarSend.Infrastructure.Leonardo;

/// <summary>
/// Turns a Leonardo error answer into a final <see cref="ProviderException"/> or a retryable
/// <see cref="TransientHttpException"/>. Bodies come as <c>{"error", "path", "code"}</c> ([P] docs "API Error Messages")
/// or, on v2 validation, as a Hasura/GraphQL-style array <c>[{"message", "extensions"}]</c> ([S], providers-2.md §2.5).
/// Which HTTP status goes with each is [U]; [S] lists 400/401/403/404/429/500.
/// </summary>
internal static class LeonardoErrors
{
    public static Exception FromAnswer(HttpAnswer answer, LeonardoCall call, string subject, string? generationId, TimeProvider time)
    {
        var (detail, code) = ReadBody(answer);
        var status = answer.Status;
        var what = $"Leonardo {Name(call)} for {subject} answered HTTP {status}";
        var text = $"{what}: {detail ?? "no detail"}{(code is null ? string.Empty : $" ({code})")}";
        return status switch
        {
            401 or 403 => new ProviderException(
                $"{what}: {LeonardoCredentials.Variable} is missing or wrong ({detail ?? "key refused"})", ProviderErrorKind.Unauthorized, status, generationId),
            402 => new ProviderException($"{text}; the Leonardo account is out of balance", ProviderErrorKind.QuotaExhausted, status, generationId),
            404 when call is LeonardoCall.Status => new ProviderException(
                $"generation {generationId} is no longer at Leonardo (deleted or unknown): {detail ?? "not found"}", ProviderErrorKind.Expired, status, generationId),
            404 or 410 when call is LeonardoCall.Create => new ProviderException(
                $"{what}: Leonardo serves no model {subject} ({detail ?? (status == 410 ? "gone" : "not found")})", ProviderErrorKind.ModelNotFound, status, generationId),
            400 or 422 when call is LeonardoCall.Create && ModelGoneText.Says(detail) =>
                new ProviderException($"{what}: Leonardo no longer serves {subject} ({detail})", ProviderErrorKind.ModelNotFound, status, generationId),
            400 or 422 when code == "content_moderation" || (detail?.Contains("moderation", StringComparison.OrdinalIgnoreCase) ?? false) =>
                new ProviderException(text, ProviderErrorKind.ContentPolicy, status, generationId),
            400 or 404 or 422 => new ProviderException(text, ProviderErrorKind.Validation, status, generationId),
            408 or 429 or >= 500 => new TransientHttpException(text, status, RetryAfterHeader.Parse(answer.Header("Retry-After"), time)),
            _ => new ProviderException(text, ProviderErrorKind.Other, status, generationId),
        };
    }

    /// <summary>The error text and code from either body shape; raw text (cut to 300 characters) when it is not JSON.</summary>
    public static (string? Detail, string? Code) ReadBody(HttpAnswer answer)
    {
        JsonNode? body;
        try
        {
            body = answer.Body.Length == 0 ? null : JsonNode.Parse(answer.Body);
        }
        catch (JsonException)
        {
            var raw = answer.Text.Trim();
            return (raw.Length == 0 ? null : raw[..Math.Min(raw.Length, 300)], null);
        }

        return body switch
        {
            JsonObject obj => (JsonText.Of(obj["error"]) ?? JsonText.Of(obj["message"]), JsonText.Of(obj["code"])),
            JsonArray items => (
                string.Join("; ", items.OfType<JsonObject>().Select(i => JsonText.Of(i["message"])).OfType<string>()),
                items.OfType<JsonObject>().Select(i => JsonText.Of(i["extensions"]?["code"])).FirstOrDefault(c => c is not null)),
            _ => (null, null),
        };
    }

    private static string Name(LeonardoCall call) => call switch
    {
        LeonardoCall.InitImage => "init-image",
        LeonardoCall.Upload => "presigned upload",
        LeonardoCall.Create => "create",
        LeonardoCall.Status => "generation status",
        _ => "delete",
    };
}
