using System.Globalization;
using System.Text.Json.Nodes;
using StarSend.Core.Providers;

namespace StarSend.Infrastructure.Fal;

/// <summary>The Kling input JSON for one job (providers.md §2.7); durations are strings, as fal's schema wants.</summary>
internal static class KlingRequestBody
{
    public static JsonObject Build(VideoJob job, KlingEndpoint endpoint)
    {
        var body = new JsonObject();
        if (endpoint.StartFrameField is { } field && !string.IsNullOrWhiteSpace(job.StartImageUrl))
        {
            body[field] = job.StartImageUrl;
        }

        if (endpoint.Elements && job.Elements.Count > 0)
        {
            body["elements"] = new JsonArray([.. job.Elements.Select(Element)]);
        }

        if (job.Shots.Count > 1)
        {
            body["multi_prompt"] = new JsonArray([.. job.Shots.Select(s => new JsonObject { ["prompt"] = s.Prompt, ["duration"] = Seconds(s.DurationS) })]);
        }
        else
        {
            body["prompt"] = job.Shots[0].Prompt;
        }

        if (job.NegativePrompt is { Length: > 0 } negative)
        {
            body["negative_prompt"] = negative;
        }

        body["duration"] = Seconds(job.TotalDurationS);
        if (endpoint.AspectRatio)
        {
            body["aspect_ratio"] = job.AspectRatio;
        }

        if (endpoint.ShotType)
        {
            body["shot_type"] = "customize";
        }

        if (endpoint.GenerateAudio)
        {
            body["generate_audio"] = job.GenerateAudio;
        }

        return body;
    }

    private static JsonObject Element(VideoElement element)
    {
        // Kling needs 1–3 reference images per element; the frontal image is the best single one.
        IEnumerable<string> references = element.ReferenceImageUrls.Count > 0 ? element.ReferenceImageUrls : [element.FrontalImageUrl];
        return new JsonObject
        {
            ["frontal_image_url"] = element.FrontalImageUrl,
            ["reference_image_urls"] = new JsonArray([.. references.Select(r => (JsonNode)JsonValue.Create(r))]),
        };
    }

    private static string Seconds(int seconds) => seconds.ToString(CultureInfo.InvariantCulture);
}
