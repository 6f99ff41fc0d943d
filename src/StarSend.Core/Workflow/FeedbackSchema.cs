using System.Text.Json;
using System.Text.Json.Nodes;
using StarSend.Core.Json;
using StarSend.Core.Plans;
using StarSend.Core.Sequences;

namespace StarSend.Core.Workflow;

/// <summary>
/// The feedback rewrite's structured call (issue #10, providers-2.md §3.5: a text-only <c>generateContent</c> with
/// <c>responseJsonSchema</c>): the instruction, the question (the producer's feedback and the latest take's prompts by
/// shot id, as JSON), the schema (one prompt per shot by id, and a one-line rationale), and the client-side check of
/// the answer: the schema is not a guarantee (providers-2.md §3.4).
/// </summary>
public static class FeedbackSchema
{
    /// <summary>Longest rationale accepted, in characters.</summary>
    public const int MaxRationale = 300;

    /// <summary>Longest feedback accepted, in characters.</summary>
    public const int MaxFeedback = 1000;

    /// <summary>The system instruction of the call.</summary>
    public const string Instruction =
        "You rewrite the shot prompts of a music-video take for an image-to-video model (Kling) from the director's feedback. "
        + "Change only what the feedback asks; keep each shot's subject, framing and continuity otherwise. "
        + "Answer only with JSON matching the schema: one prompt per shot, under the same shot ids, and a one-line rationale.";

    /// <summary>The line that carries the feedback in <see cref="Question"/> (the emulator reads it).</summary>
    public const string FeedbackLabel = "Director's feedback: ";

    /// <summary>The line that carries the shots in <see cref="Question"/>, followed by a JSON array of <c>{id, prompt}</c>.</summary>
    public const string ShotsLabel = "Shot prompts (JSON): ";

    /// <summary>The user text: the feedback, then take <paramref name="take"/>'s prompts by shot id.</summary>
    public static string Question(string sequenceId, int take, string feedback, IReadOnlyList<TakePrompt> prompts)
    {
        var shots = new JsonArray(prompts.Select(p => (JsonNode)new JsonObject { ["id"] = p.Shot, ["prompt"] = p.Prompt }).ToArray());
        return $"{FeedbackLabel}{feedback}\n"
            + $"Take {take} of sequence {sequenceId}. {ShotsLabel}{shots.ToJsonString()}\n"
            + $"Rewrite every shot's prompt (at most {PlanLimits.MaxPromptCharacters} characters each) so the next take follows the feedback.";
    }

    /// <summary>The schema text for a sequence with these shot ids (a short <c>enum</c> of ids; no <c>maxItems</c>, providers-2.md §3.2).</summary>
    public static string Json(IReadOnlyList<string> shotIds)
    {
        var schema = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["shots"] = new JsonObject
                {
                    ["type"] = "array",
                    ["minItems"] = shotIds.Count,
                    ["items"] = new JsonObject
                    {
                        ["type"] = "object",
                        ["properties"] = new JsonObject
                        {
                            ["id"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray(shotIds.Select(s => (JsonNode)s).ToArray()) },
                            ["prompt"] = new JsonObject { ["type"] = "string" },
                        },
                        ["required"] = new JsonArray("id", "prompt"),
                        ["additionalProperties"] = false,
                    },
                },
                ["rationale"] = new JsonObject { ["type"] = "string", ["description"] = "one line: what was changed and why" },
            },
            ["required"] = new JsonArray("shots", "rationale"),
            ["additionalProperties"] = false,
            ["propertyOrdering"] = new JsonArray("shots", "rationale"),
        };
        return schema.ToJsonString();
    }

    /// <summary>
    /// Null when <paramref name="json"/> has exactly one non-empty prompt (at most Kling's 2,500 characters) for each
    /// of <paramref name="shotIds"/> and a non-empty one-line rationale; else one line naming the JSON path.
    /// </summary>
    public static string? Check(string json, IReadOnlyList<string> shotIds)
    {
        return StructuredJson.CheckObject(json, root =>
        {
            if (!root.TryGetProperty("shots", out var shots) || shots.ValueKind != JsonValueKind.Array)
            {
                return "$.shots: expected an array";
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            var i = 0;
            foreach (var shot in shots.EnumerateArray())
            {
                var id = shot.ValueKind == JsonValueKind.Object && shot.TryGetProperty("id", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : null;
                if (id is null || !shotIds.Contains(id))
                {
                    return $"$.shots[{i}].id: expected one of {string.Join(", ", shotIds)}";
                }

                if (!seen.Add(id))
                {
                    return $"$.shots[{i}].id: {id} appears twice";
                }

                var prompt = shot.TryGetProperty("prompt", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
                if (string.IsNullOrWhiteSpace(prompt))
                {
                    return $"$.shots[{i}].prompt: expected a non-empty string";
                }

                if (prompt.EnumerateRunes().Count() > PlanLimits.MaxPromptCharacters)
                {
                    return $"$.shots[{i}].prompt: {prompt.EnumerateRunes().Count()} characters, Kling takes at most {PlanLimits.MaxPromptCharacters}";
                }

                i++;
            }

            if (shotIds.FirstOrDefault(s => !seen.Contains(s)) is { } missing)
            {
                return $"$.shots: no prompt for {missing}";
            }

            var rationale = root.TryGetProperty("rationale", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
            if (string.IsNullOrWhiteSpace(rationale))
            {
                return "$.rationale: expected a non-empty string";
            }

            return rationale.Trim().Contains('\n', StringComparison.Ordinal) || rationale.Length > MaxRationale
                ? $"$.rationale: expected one line of at most {MaxRationale} characters"
                : null;
        });
    }

    /// <summary>Reads an answer <see cref="Check"/> passed: the prompts in <paramref name="basePrompts"/>' shot order, <c>feedback</c> where changed, and the rationale.</summary>
    public static (List<TakePrompt> Prompts, string Rationale) Read(string json, int baseTake, IReadOnlyList<TakePrompt> basePrompts)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        var byId = root["shots"]!.AsArray().Select(s => s!.AsObject()).ToDictionary(s => (string)s["id"]!, s => ((string)s["prompt"]!).Trim(), StringComparer.Ordinal);
        var prompts = basePrompts
            .Select(p => byId[p.Shot] == p.Prompt ? new TakePrompt(p.Shot, p.Prompt, $"take {baseTake}") : new TakePrompt(p.Shot, byId[p.Shot], "feedback"))
            .ToList();
        return (prompts, ((string)root["rationale"]!).Trim());
    }
}
