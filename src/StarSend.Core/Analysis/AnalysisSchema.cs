using System.Text.Json;
using StarSend.Core.Json;

namespace StarSend.Core.Analysis;

/// <summary>
/// The JSON Schema of a start-frame analysis (sent as <c>responseJsonSchema</c>) and the client-side check of an
/// answer against it: the schema is not a guarantee (providers-2.md §3.4). Bounds over 10 items are checked here only,
/// never sent (<c>maxItems</c> makes Gemini refuse complex schemas, providers-2.md §3.2).
/// </summary>
public static class AnalysisSchema
{
    public const int MinMotion = 3;
    public const int MaxMotion = 8;
    public const int MinPotential = 5;
    public const int MaxPotential = 20;

    private static readonly string[] EnvironmentText = ["setting", "time_of_day", "weather", "location_type", "atmosphere", "lighting"];
    private static readonly string[] EnvironmentLists = ["key_subjects", "dominant_colors"];
    private static readonly string[] MotionText = ["element", "motion_type", "location"];

    /// <summary>The system instruction of the call.</summary>
    public const string Instruction =
        "You analyse the start frame of a music-video shot for an image-to-video model. Answer only with JSON matching the schema.";

    /// <summary>The user text beside the image.</summary>
    public static readonly string Question =
        "Describe the environment (setting, time of day, weather, location type, key subjects, dominant colours, atmosphere, lighting), "
        + $"{MinMotion} to {MaxMotion} motion elements that should move (element, motion type, location in the frame), "
        + $"and {MinPotential} to {MaxPotential} potential moving elements: everything in the frame that could move.";

    /// <summary>The schema text.</summary>
    public static string Json { get; } = """
        {
          "type": "object",
          "properties": {
            "environment": {
              "type": "object",
              "properties": {
                "setting": {"type": "string"},
                "time_of_day": {"type": "string"},
                "weather": {"type": "string"},
                "location_type": {"type": "string"},
                "key_subjects": {"type": "array", "items": {"type": "string"}},
                "dominant_colors": {"type": "array", "items": {"type": "string"}},
                "atmosphere": {"type": "string"},
                "lighting": {"type": "string"}
              },
              "required": ["setting", "time_of_day", "weather", "location_type", "key_subjects", "dominant_colors", "atmosphere", "lighting"],
              "additionalProperties": false
            },
            "motion_elements": {
              "type": "array", "minItems": 3, "maxItems": 8,
              "items": {
                "type": "object",
                "properties": {
                  "element": {"type": "string"},
                  "motion_type": {"type": "string"},
                  "location": {"type": "string", "description": "where in the frame, e.g. top left, center, bottom right"}
                },
                "required": ["element", "motion_type", "location"],
                "additionalProperties": false
              }
            },
            "potential_moving_elements": {"type": "array", "minItems": 5, "items": {"type": "string"}}
          },
          "required": ["environment", "motion_elements", "potential_moving_elements"],
          "additionalProperties": false,
          "propertyOrdering": ["environment", "motion_elements", "potential_moving_elements"]
        }
        """;

    /// <summary>Null when <paramref name="json"/> matches the schema and its bounds, else one line naming the JSON path.</summary>
    public static string? Check(string json)
    {
        return StructuredJson.CheckObject(json, root =>
        {
            if (!root.TryGetProperty("environment", out var env) || env.ValueKind != JsonValueKind.Object)
            {
                return "$.environment: expected an object";
            }

            foreach (var key in EnvironmentText)
            {
                if (Text(env, key) is null)
                {
                    return $"$.environment.{key}: expected a non-empty string";
                }
            }

            foreach (var key in EnvironmentLists)
            {
                if (Strings(env, key, 1, int.MaxValue) is { } problem)
                {
                    return $"$.environment.{key}: {problem}";
                }
            }

            if (!root.TryGetProperty("motion_elements", out var motions) || motions.ValueKind != JsonValueKind.Array)
            {
                return "$.motion_elements: expected an array";
            }

            if (motions.GetArrayLength() is < MinMotion or > MaxMotion)
            {
                return $"$.motion_elements: {motions.GetArrayLength()} items, expected {MinMotion}–{MaxMotion}";
            }

            var i = 0;
            foreach (var motion in motions.EnumerateArray())
            {
                foreach (var key in MotionText)
                {
                    if (motion.ValueKind != JsonValueKind.Object || Text(motion, key) is null)
                    {
                        return $"$.motion_elements[{i}].{key}: expected a non-empty string";
                    }
                }

                i++;
            }

            return Strings(root, "potential_moving_elements", MinPotential, MaxPotential) is { } potential
                ? $"$.potential_moving_elements: {potential}"
                : null;
        });
    }

    /// <summary>Reads an answer that <see cref="Check"/> passed.</summary>
    public static AnalysisAnswer Read(string json) =>
        JsonSerializer.Deserialize<AnalysisAnswer>(json, StarSend.Core.Json.StarSendJson.Options)
        ?? throw new InvalidOperationException("an analysis answer that passed its check reads as null");

    private static string? Text(JsonElement obj, string key) =>
        obj.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()) ? value.GetString() : null;

    private static string? Strings(JsonElement obj, string key, int min, int max)
    {
        if (!obj.TryGetProperty(key, out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return "expected an array of strings";
        }

        var count = list.GetArrayLength();
        if (count < min || count > max)
        {
            return max == int.MaxValue ? $"{count} items, expected at least {min}" : $"{count} items, expected {min}–{max}";
        }

        return list.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(e.GetString()))
            ? null
            : "expected non-empty strings";
    }
}
