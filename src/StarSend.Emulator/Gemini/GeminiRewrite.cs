using System.Text.Json;
using System.Text.Json.Nodes;

namespace StarSend.Emulator.Gemini;

/// <summary>
/// The emulator's answer to a text-only structured call that asks to rewrite shot prompts from feedback (StarSend's
/// <c>generate --feedback</c>): derived from the request, so a test can tell it from a canned answer. The feedback is
/// the text after the first <c>feedback:</c> on a line; the shots are the first JSON array of <c>{id, prompt}</c>
/// objects in the text. Each shot's prompt comes back as the old prompt followed by the feedback's words; the rationale
/// names the feedback and the number of shots, on one line.
/// </summary>
internal static class GeminiRewrite
{
    /// <summary>The answer's JSON; <paramref name="invalid"/> leaves out the last shot (fault <c>schema-invalid</c>). Null when the text holds no shots to rewrite.</summary>
    public static string? Answer(string text, bool invalid)
    {
        var feedback = text.Split('\n')
            .Select(line => (line, at: line.IndexOf("feedback:", StringComparison.OrdinalIgnoreCase)))
            .Where(x => x.at >= 0)
            .Select(x => x.line[(x.at + "feedback:".Length)..].Trim())
            .FirstOrDefault(f => f.Length > 0);
        if (feedback is null || Shots(text) is not { Count: > 0 } shots)
        {
            return null;
        }

        var answer = new JsonArray();
        foreach (var (id, prompt) in invalid ? shots.SkipLast(1) : shots)
        {
            answer.Add(new JsonObject { ["id"] = id, ["prompt"] = $"{prompt.TrimEnd().TrimEnd('.')}; {feedback}" });
        }

        return new JsonObject
        {
            ["shots"] = answer,
            ["rationale"] = $"Applied \"{feedback}\" to all {shots.Count} shots, keeping each shot's subject and framing.",
        }.ToJsonString();
    }

    private static List<(string Id, string Prompt)>? Shots(string text)
    {
        for (var start = text.IndexOf('[', StringComparison.Ordinal); start >= 0; start = text.IndexOf('[', start + 1))
        {
            var end = text.IndexOf(']', start);
            while (end > start)
            {
                try
                {
                    if (JsonNode.Parse(text[start..(end + 1)]) is JsonArray array
                        && array.All(i => i is JsonObject o && o["id"] is JsonValue && o["prompt"] is JsonValue))
                    {
                        return [.. array.Select(i => ((string)i!["id"]!, (string)i["prompt"]!))];
                    }

                    break;
                }
                catch (JsonException)
                {
                    // A ']' inside a prompt: try the next one.
                    end = text.IndexOf(']', end + 1);
                }
            }
        }

        return null;
    }
}
