using System.Text;
using System.Text.Json.Nodes;
using StarSend.Emulator.Kling;

namespace StarSend.Emulator.Gemini;

/// <summary>The parts of a generateContent body the emulator uses; snake_case and camelCase are both read.</summary>
internal sealed record GeminiRequest(string Prompt, int InputImages, bool WantsText, bool WantsImage, string AspectRatio, string ImageSize)
{
    /// <summary>True when <c>generationConfig</c> asks for JSON (<c>responseMimeType: application/json</c>): a structured call.</summary>
    public bool WantsJson { get; init; }

    /// <summary>The first inline image's bytes, when the request has one.</summary>
    public byte[]? FirstImage { get; init; }

    /// <summary>Reads the body or says, Google-style, what is wrong with it.</summary>
    public static (GeminiRequest? Request, string? Error) Parse(JsonObject? body)
    {
        if (body is null)
        {
            return (null, "Invalid JSON payload received. Expected an object.");
        }

        if (body["contents"] is not JsonArray { Count: > 0 } contents)
        {
            return (null, "* GenerateContentRequest.contents: contents is not specified");
        }

        var prompt = new StringBuilder();
        var images = 0;
        byte[]? first = null;
        for (var c = 0; c < contents.Count; c++)
        {
            if (contents[c]?["parts"] is not JsonArray { Count: > 0 } parts)
            {
                return (null, $"* GenerateContentRequest.contents[{c}].parts: contents.parts must not be empty.");
            }

            for (var p = 0; p < parts.Count; p++)
            {
                var part = parts[p] as JsonObject;
                if (JsonRead.String(part?["text"]) is { } text)
                {
                    prompt.Append(prompt.Length > 0 ? "\n" : string.Empty).Append(text);
                }
                else if ((part?["inline_data"] ?? part?["inlineData"]) is JsonObject inline)
                {
                    var data = JsonRead.String(inline["data"]);
                    var mime = JsonRead.String(inline["mime_type"] ?? inline["mimeType"]);
                    if (data is null || mime is null || !IsBase64(data))
                    {
                        return (null, $"Invalid value at 'contents[{c}].parts[{p}].inline_data' (TYPE_BYTES), Base64 decoding failed or mime_type is missing.");
                    }

                    images++;
                    first ??= Convert.FromBase64String(data);
                }
            }
        }

        var config = (body["generationConfig"] ?? body["generation_config"]) as JsonObject;
        var modalities = (config?["responseModalities"] ?? config?["response_modalities"]) as JsonArray;
        var names = modalities?.Select(m => JsonRead.String(m)?.ToUpperInvariant()).ToList();
        var imageConfig = (config?["imageConfig"] ?? config?["image_config"]) as JsonObject;
        var aspect = JsonRead.String(imageConfig?["aspectRatio"] ?? imageConfig?["aspect_ratio"]) ?? "1:1";
        var size = JsonRead.String(imageConfig?["imageSize"] ?? imageConfig?["image_size"]) ?? "1K";
        if (!ImageSizes.TryGet(aspect, size, out _, out _))
        {
            return (null, $"Unsupported image config: aspectRatio '{aspect}', imageSize '{size}'. Supported aspect ratios: {string.Join(", ", ImageSizes.AspectRatios)}; sizes: {string.Join(", ", ImageSizes.Sizes)}.");
        }

        var json = string.Equals(JsonRead.String(config?["responseMimeType"] ?? config?["response_mime_type"]), "application/json", StringComparison.OrdinalIgnoreCase);
        var wantsText = names is null || names.Contains("TEXT");
        var wantsImage = names is null || names.Contains("IMAGE");
        return (new GeminiRequest(prompt.ToString(), images, wantsText, wantsImage && !json, aspect, size) { WantsJson = json, FirstImage = first }, null);
    }

    private static bool IsBase64(string data)
    {
        var buffer = new byte[(data.Length * 3 / 4) + 3];
        return Convert.TryFromBase64String(data, buffer, out _);
    }
}
