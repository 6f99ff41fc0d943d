using System.Text.Json.Nodes;
using StarSend.Core.Errors;
using StarSend.Core.Providers;

namespace StarSend.Infrastructure.Gemini;

/// <summary>The generateContent body: the prompt, the reference images inline, and the image config (providers.md §3.3).</summary>
internal static class GeminiRequestBody
{
    /// <summary>Inline requests above this need the Files API (providers.md §3.3).</summary>
    public const long MaxInlineBytes = 20L * 1024 * 1024;

    private static readonly string[] AspectRatios = ["1:1", "2:3", "3:2", "3:4", "4:3", "4:5", "5:4", "9:16", "16:9", "21:9", "1:4", "4:1", "1:8", "8:1"];

    public static void Validate(ImageJob job)
    {
        if (string.IsNullOrWhiteSpace(job.Prompt))
        {
            throw new BadInputException("image job: prompt is empty");
        }

        if (!AspectRatios.Contains(job.AspectRatio))
        {
            throw new BadInputException($"image job: aspect_ratio '{job.AspectRatio}' is not one of {string.Join(", ", AspectRatios)}");
        }

        var inline = job.References.Sum(r => (long)r.Data.Length) * 4 / 3;
        if (inline > MaxInlineBytes)
        {
            throw new BadInputException($"image job: the reference images come to {inline / (1024 * 1024)} MB as base64, more than the {MaxInlineBytes / (1024 * 1024)} MB Gemini takes inline");
        }
    }

    public static JsonObject Build(ImageJob job, string model, GeminiOptions options)
    {
        var parts = new JsonArray { new JsonObject { ["text"] = job.Prompt } };
        foreach (var reference in job.References)
        {
            parts.Add(new JsonObject
            {
                ["inline_data"] = new JsonObject { ["mime_type"] = reference.MimeType, ["data"] = Convert.ToBase64String(reference.Data) },
            });
        }

        var imageConfig = new JsonObject { ["aspectRatio"] = job.AspectRatio };
        if (options.ImageSize is { } size && !model.StartsWith("gemini-2.", StringComparison.Ordinal))
        {
            imageConfig["imageSize"] = size;
        }

        return new JsonObject
        {
            ["contents"] = new JsonArray { new JsonObject { ["role"] = "user", ["parts"] = parts } },
            ["generationConfig"] = new JsonObject
            {
                ["responseModalities"] = new JsonArray([.. options.ResponseModalities.Select(m => (JsonNode)JsonValue.Create(m))]),
                ["imageConfig"] = imageConfig,
            },
        };
    }
}
