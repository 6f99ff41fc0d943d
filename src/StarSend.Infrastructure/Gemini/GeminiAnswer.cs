using System.Text.Json.Nodes;
using StarSend.Core.Errors;
using StarSend.Core.Providers;
using StarSend.Infrastructure.Http;

namespace StarSend.Infrastructure.Gemini;

/// <summary>
/// Reads a 200 generateContent answer (providers.md §3.4–3.5, field-log #1, #3, #4): every image part under
/// <c>inlineData</c> or <c>inline_data</c> (<c>mimeType</c> or <c>mime_type</c>), thought-flagged or not, typed by
/// its bytes. The image to use is the last one not flagged <c>thought: true</c>; when every image is flagged (one
/// team saw the only final image flagged), the last image. Without any image part, the reason from the
/// candidate's <c>finishReason</c> (never from <c>content</c>) or the prompt's <c>blockReason</c>.
/// </summary>
internal static class GeminiAnswer
{
    private static readonly string[] PolicyReasons =
        ["SAFETY", "IMAGE_SAFETY", "PROHIBITED_CONTENT", "IMAGE_PROHIBITED_CONTENT", "BLOCKLIST", "SPII", "RECITATION", "IMAGE_RECITATION"];

    public static GeminiImages Read(JsonObject answer, string model)
    {
        var candidates = answer["candidates"] as JsonArray ?? [];
        var found = new List<(byte[] Data, string? Label, bool Thought)>();
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
                var thought = part["thought"] is JsonValue flag && flag.TryGetValue<bool>(out var isThought) && isThought;
                if ((part["inlineData"] ?? part["inline_data"]) is JsonObject inline && JsonText.Of(inline["data"]) is { } data)
                {
                    found.Add((Decode(data, model), JsonText.Of(inline["mimeType"] ?? inline["mime_type"]), thought));
                }
                else if (!thought && JsonText.Of(part["text"]) is { } text)
                {
                    texts.Add(text.Trim());
                }
            }
        }

        var said = texts.Count == 0 ? null : string.Join(" ", texts);
        if (found.Count == 0)
        {
            throw NoImage(answer, model, finishReasons, said, candidates.Count);
        }

        var chosen = found.FindLastIndex(f => !f.Thought);
        chosen = chosen >= 0 ? chosen : found.Count - 1;
        var parts = found.Select((f, i) => new GeneratedImagePart(f.Data, ImageMagic.Sniff(f.Data) ?? f.Label ?? "application/octet-stream", f.Label, f.Thought, i == chosen)).ToList();
        return new GeminiImages(parts, said, ImageTokens(answer));
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
        var kind = reason is not null && IsPolicy(reason) ? ProviderErrorKind.ContentPolicy : ProviderErrorKind.NoImage;
        var why = reason is null ? "no image in the answer" : $"finishReason {reason}";
        var text = said is null ? string.Empty : $"; it said: \"{Shorten(said)}\"";
        return new ProviderException($"Gemini {model} returned no image ({why}){text}", kind);
    }

    /// <summary>
    /// A safety or policy refusal (asking again does not help, and is not done): the listed reasons and any reason
    /// naming SAFETY or PROHIBITED. Everything else without an image (NO_IMAGE, IMAGE_OTHER, a text-only STOP) is
    /// kind NoImage, which the provider asks once more.
    /// </summary>
    public static bool IsPolicy(string reason) =>
        PolicyReasons.Contains(reason) || reason.Contains("SAFETY", StringComparison.Ordinal) || reason.Contains("PROHIBITED", StringComparison.Ordinal);

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
