using System.Text.Json.Nodes;
using StarSend.Emulator.Faults;
using StarSend.Emulator.Http;

namespace StarSend.Emulator.Gemini;

/// <summary>
/// Answers with several image parts, as Gemini 3 image models give them (field-log #4,
/// <c>shared/field/gemini-thought-then-final.json</c>): thought-flagged drafts before the final image, the only final
/// image flagged as a thought, or the same picture twice under both key spellings. Usage counts one image.
/// </summary>
internal static class GeminiFieldReplies
{
    /// <summary>The parts for <paramref name="kind"/>; <paramref name="draft"/> is the interim image, <paramref name="final"/> the one to use.</summary>
    public static Reply SeveralImages(string model, FaultKind kind, byte[] draft, byte[] final)
    {
        var parts = kind switch
        {
            FaultKind.ThoughtThenFinal => new JsonArray(
                new JsonObject { ["text"] = "Sketching the four panels first...", ["thought"] = true, ["thoughtSignature"] = "c2lnMQ==" },
                Image("inlineData", "mimeType", draft, thought: true),
                Image("inlineData", "mimeType", final, thought: false)),
            FaultKind.AllThought => new JsonArray(
                Image("inlineData", "mimeType", draft, thought: true),
                Image("inlineData", "mimeType", final, thought: true)),
            _ => new JsonArray(
                Image("inlineData", "mimeType", final, thought: false),
                Image("inline_data", "mime_type", final, thought: false)),
        };
        var body = new JsonObject
        {
            ["candidates"] = new JsonArray(new JsonObject
            {
                ["content"] = new JsonObject { ["role"] = "model", ["parts"] = parts },
                ["finishReason"] = "STOP",
                ["index"] = 0,
            }),
            ["usageMetadata"] = new JsonObject
            {
                ["candidatesTokenCount"] = GeminiReplies.ImageTokens,
                ["candidatesTokensDetails"] = new JsonArray(new JsonObject { ["modality"] = "IMAGE", ["tokenCount"] = GeminiReplies.ImageTokens }),
            },
            ["modelVersion"] = model,
            ["responseId"] = Guid.NewGuid().ToString("N")[..22],
        };
        return Reply.Json(200, body);
    }

    private static JsonObject Image(string key, string mimeKey, byte[] data, bool thought)
    {
        var part = new JsonObject { [key] = new JsonObject { [mimeKey] = "image/png", ["data"] = Convert.ToBase64String(data) } };
        if (thought)
        {
            part["thought"] = true;
            part["thoughtSignature"] = "c2lnMg==";
        }

        return part;
    }
}
