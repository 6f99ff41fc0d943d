using System.Text.Json.Nodes;
using StarSend.Emulator.Http;

namespace StarSend.Emulator.Gemini;

/// <summary>generateContent answers: candidates with text and inlineData parts (camelCase), usageMetadata, ids.</summary>
internal static class GeminiReplies
{
    public const int ImageTokens = 1290;

    public static Reply Candidate(string model, GeminiRequest request, string? text, byte[]? png, string finishReason, string mimeType = "image/png")
    {
        var candidate = new JsonObject();
        var parts = new JsonArray();
        if (text is not null)
        {
            parts.Add(new JsonObject { ["text"] = text });
        }

        if (png is not null)
        {
            parts.Add(new JsonObject { ["inlineData"] = new JsonObject { ["mimeType"] = mimeType, ["data"] = Convert.ToBase64String(png) } });
        }

        if (parts.Count > 0)
        {
            candidate["content"] = new JsonObject { ["role"] = "model", ["parts"] = parts };
        }

        candidate["finishReason"] = finishReason;
        candidate["index"] = 0;
        var body = new JsonObject
        {
            ["candidates"] = new JsonArray(candidate),
            ["usageMetadata"] = Usage(request, Tokens(text), png is null ? 0 : ImageTokens),
        };
        return Finish(body, model);
    }

    /// <summary>A candidate stopped for safety: no content, <c>finishReason: SAFETY</c> and the rating that tripped (providers.md §3.5).</summary>
    public static Reply SafetyStop(string model, GeminiRequest request)
    {
        var candidate = new JsonObject
        {
            ["finishReason"] = "SAFETY",
            ["index"] = 0,
            ["safetyRatings"] = new JsonArray(
                new JsonObject { ["category"] = "HARM_CATEGORY_DANGEROUS_CONTENT", ["probability"] = "HIGH", ["blocked"] = true },
                new JsonObject { ["category"] = "HARM_CATEGORY_HARASSMENT", ["probability"] = "NEGLIGIBLE" }),
        };
        return Finish(new JsonObject { ["candidates"] = new JsonArray(candidate), ["usageMetadata"] = Usage(request, 0, 0) }, model);
    }

    public static Reply Blocked(string model, GeminiRequest request, string reason)
    {
        var body = new JsonObject
        {
            ["promptFeedback"] = new JsonObject { ["blockReason"] = reason },
            ["usageMetadata"] = Usage(request, 0, 0),
        };
        return Finish(body, model);
    }

    private static Reply Finish(JsonObject body, string model)
    {
        body["modelVersion"] = model;
        body["responseId"] = Guid.NewGuid().ToString("N")[..22];
        return Reply.Json(200, body);
    }

    private static JsonObject Usage(GeminiRequest request, int textTokens, int imageTokens)
    {
        var promptText = Tokens(request.Prompt);
        var promptImages = request.InputImages * 258;
        var promptDetails = new JsonArray(new JsonObject { ["modality"] = "TEXT", ["tokenCount"] = promptText });
        if (promptImages > 0)
        {
            promptDetails.Add(new JsonObject { ["modality"] = "IMAGE", ["tokenCount"] = promptImages });
        }

        var usage = new JsonObject
        {
            ["promptTokenCount"] = promptText + promptImages,
            ["candidatesTokenCount"] = textTokens + imageTokens,
            ["totalTokenCount"] = promptText + promptImages + textTokens + imageTokens,
            ["promptTokensDetails"] = promptDetails,
        };
        if (imageTokens > 0)
        {
            usage["candidatesTokensDetails"] = new JsonArray(new JsonObject { ["modality"] = "IMAGE", ["tokenCount"] = imageTokens });
        }

        return usage;
    }

    private static int Tokens(string? text) => text is null ? 0 : Math.Max(1, (text.Length + 3) / 4);
}
