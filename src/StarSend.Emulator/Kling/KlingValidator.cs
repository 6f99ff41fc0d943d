using System.Globalization;
using System.Text.Json.Nodes;
using StarSend.Emulator.Http;

namespace StarSend.Emulator.Kling;

/// <summary>
/// Validates a submit body the way fal's Kling schemas do (O3/V3: <c>prompt</c> XOR <c>multi_prompt</c>, 1–6 shots
/// of "1"–"15" s totalling at most 15 s, <c>duration</c> "3"–"15", elements, aspect ratio; 2.x: "5"|"10") and reads
/// what the video must be. Other models are accepted as they come.
/// </summary>
internal static class KlingValidator
{
    public const int MaxTotalSeconds = 15;

    private static readonly IReadOnlyList<string> AspectRatios = ["16:9", "9:16", "1:1"];

    public static (VideoSpec? Spec, IReadOnlyList<FieldError> Errors) Read(string modelId, JsonObject body)
    {
        var errors = new List<FieldError>();
        var parts = modelId.Split('/');
        var isKling = parts.Length >= 4 && parts[0] == "fal-ai" && parts[1] == "kling-video";
        var version = isKling ? parts[2] : string.Empty;
        var endpoint = parts[^1];
        int duration;
        var shots = 1;
        if (version is "o3" or "v3")
        {
            (duration, shots) = ReadThreeX(version, endpoint, body, errors);
        }
        else if (isKling && version.StartsWith("v2", StringComparison.Ordinal))
        {
            KlingRules.Prompt(body["prompt"], ["body", "prompt"], errors);
            duration = JsonRead.IsPresent(body, "duration") ? ParseOr(KlingRules.Literal(body["duration"], ["5", "10"], ["body", "duration"], errors), 5) : 5;
        }
        else
        {
            duration = LooseDuration(body["duration"]);
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var start = JsonRead.String(body, "start_image_url") ?? JsonRead.String(body, "image_url");
        var aspect = JsonRead.String(body, "aspect_ratio") ?? "16:9";
        var prompt = JsonRead.String(body, "prompt")
            ?? string.Join(" / ", (body["multi_prompt"] as JsonArray ?? []).Select(s => JsonRead.String(s?["prompt"]) ?? string.Empty));
        return (new VideoSpec(duration, shots, start, aspect, prompt), errors);
    }

    private static (int Duration, int Shots) ReadThreeX(string version, string endpoint, JsonObject body, List<FieldError> errors)
    {
        if (version == "o3" && endpoint == "image-to-video")
        {
            KlingRules.Url(body["image_url"], ["body", "image_url"], errors, required: true);
        }
        else if (version == "v3" && endpoint == "image-to-video")
        {
            KlingRules.Url(body["start_image_url"], ["body", "start_image_url"], errors, required: true);
        }

        var duration = JsonRead.IsPresent(body, "duration")
            ? ParseOr(KlingRules.Literal(body["duration"], KlingRules.Durations(3, 15), ["body", "duration"], errors), 5)
            : 5;
        if (JsonRead.IsPresent(body, "aspect_ratio"))
        {
            KlingRules.Literal(body["aspect_ratio"], AspectRatios, ["body", "aspect_ratio"], errors);
        }

        var hasPrompt = JsonRead.IsPresent(body, "prompt");
        var hasShots = JsonRead.IsPresent(body, "multi_prompt");
        if (hasPrompt == hasShots)
        {
            errors.Add(new FieldError(["body", "prompt"], "Either prompt or multi_prompt must be provided, but not both.", "value_error"));
        }
        else if (hasPrompt)
        {
            KlingRules.Prompt(body["prompt"], ["body", "prompt"], errors);
        }

        var shots = 1;
        if (hasShots && !hasPrompt)
        {
            (duration, shots) = ReadShots(body["multi_prompt"], errors, duration);
        }

        if (JsonRead.IsPresent(body, "elements"))
        {
            KlingElements.Check(body["elements"], JsonRead.IsPresent(body, "start_image_url"), errors);
        }

        return (duration, shots);
    }

    private static (int Total, int Count) ReadShots(JsonNode? node, List<FieldError> errors, int fallback)
    {
        if (KlingRules.List(node, ["body", "multi_prompt"], 1, 6, errors) is not { } list)
        {
            return (fallback, 1);
        }

        var total = 0;
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is not JsonObject shot)
            {
                errors.Add(new FieldError(["body", "multi_prompt", i], "Input should be a valid dictionary", "dict_type"));
                continue;
            }

            KlingRules.Prompt(shot["prompt"], ["body", "multi_prompt", i, "prompt"], errors);
            total += JsonRead.IsPresent(shot, "duration")
                ? ParseOr(KlingRules.Literal(shot["duration"], KlingRules.Durations(1, 15), ["body", "multi_prompt", i, "duration"], errors), 0)
                : 5;
        }

        if (total > MaxTotalSeconds)
        {
            errors.Add(new FieldError(["body", "multi_prompt"], $"The total duration of all shots must not exceed {MaxTotalSeconds} seconds, got {total}", "value_error"));
        }

        return (total, list.Count);
    }

    private static int ParseOr(string? text, int fallback) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : fallback;

    private static int LooseDuration(JsonNode? node)
    {
        var text = node?.GetValueKind() == System.Text.Json.JsonValueKind.Number ? node.ToJsonString() : JsonRead.String(node);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 1
            ? (int)Math.Min(60, Math.Ceiling(seconds))
            : 5;
    }
}
