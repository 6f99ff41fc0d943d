using System.Text.Json.Nodes;
using StarSend.Core.Errors;
using StarSend.Infrastructure.Http;

namespace StarSend.Infrastructure.Gemini;

/// <summary>
/// Reads a 200 generateContent answer: every <c>inlineData</c> part (camelCase or snake_case) that is not a thought,
/// or the reason there is none (providers.md §3.4–3.5). A 200 without an image is a failure, never retried.
/// </summary>
internal static class GeminiAnswer
{
    private static readonly string[] PolicyReasons =
        ["SAFETY", "IMAGE_SAFETY", "PROHIBITED_CONTENT", "IMAGE_PROHIBITED_CONTENT", "BLOCKLIST", "SPII", "RECITATION", "IMAGE_RECITATION"];

    public static (byte[] Data, string MimeType, string? Text, int Images, long? ImageTokens) Read(JsonObject answer, string model)
    {
        var candidates = answer["candidates"] as JsonArray ?? [];
        var images = new List<(byte[] Data, string MimeType)>();
        var texts = new List<string>();
        var finishReasons = new List<string>();
        foreach (var candidate in candidates.OfType<JsonObject>())
        {
            if (JsonText.Of(candidate["finishReason"] ?? candidate["finish_reason"]) is { } reason)
            {
                finishReasons.Add(reason);
            }

            foreach (var part in ((candidate["content"] as JsonObject)?["parts"] as JsonArray ?? []).OfType<JsonObject>())
            {
                if (part["thought"] is JsonValue thought && thought.TryGetValue<bool>(out var isThought) && isThought)
                {
                    continue;
                }

                if ((part["inlineData"] ?? part["inline_data"]) is JsonObject inline && JsonText.Of(inline["data"]) is { } data)
                {
                    var mime = JsonText.Of(inline["mimeType"] ?? inline["mime_type"]) ?? "image/png";
                    images.Add((Decode(data, model), mime));
                }
                else if (JsonText.Of(part["text"]) is { } text)
                {
                    texts.Add(text.Trim());
                }
            }
        }

        var said = texts.Count == 0 ? null : string.Join(" ", texts);
        if (images.Count > 0)
        {
            return (images[0].Data, images[0].MimeType, said, images.Count, ImageTokens(answer));
        }

        throw NoImage(answer, model, finishReasons, said, candidates.Count);
    }

    private static ProviderException NoImage(JsonObject answer, string model, List<string> finishReasons, string? said, int candidates)
    {
        var feedback = (answer["promptFeedback"] ?? answer["prompt_feedback"]) as JsonObject;
        if (candidates == 0 && JsonText.Of(feedback?["blockReason"] ?? feedback?["block_reason"]) is { } block)
        {
            var detail = JsonText.Of(feedback!["blockReasonMessage"]);
            return new ProviderException($"Gemini {model} blocked the prompt ({block}){(detail is null ? string.Empty : $": {detail}")}", ProviderErrorKind.ContentPolicy);
        }

        var reason = finishReasons.FirstOrDefault(r => r != "STOP") ?? finishReasons.FirstOrDefault();
        var kind = reason is not null && PolicyReasons.Contains(reason) ? ProviderErrorKind.ContentPolicy : ProviderErrorKind.NoImage;
        var why = reason is null ? "no image in the answer" : $"finishReason {reason}";
        var text = said is null ? string.Empty : $"; it said: \"{Shorten(said)}\"";
        return new ProviderException($"Gemini {model} returned no image ({why}){text}", kind);
    }

    /// <summary>Image output tokens from <c>usageMetadata.candidatesTokensDetails[modality=IMAGE]</c>, when reported.</summary>
    private static long? ImageTokens(JsonObject answer)
    {
        var usage = (answer["usageMetadata"] ?? answer["usage_metadata"]) as JsonObject;
        var details = (usage?["candidatesTokensDetails"] ?? usage?["candidates_tokens_details"]) as JsonArray;
        var image = details?.OfType<JsonObject>().Where(d => JsonText.Of(d["modality"]) == "IMAGE").ToList();
        return image is { Count: > 0 } ? image.Sum(d => JsonText.Number(d["tokenCount"] ?? d["token_count"]) ?? 0) : null;
    }

    private static byte[] Decode(string base64, string model)
    {
        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException ex)
        {
            throw new ProviderException($"Gemini {model} returned image data that is not base64", ProviderErrorKind.BadOutput, inner: ex);
        }
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
