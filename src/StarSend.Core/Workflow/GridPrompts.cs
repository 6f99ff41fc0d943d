using StarSend.Core.Plans;

namespace StarSend.Core.Workflow;

/// <summary>Grid prompts: the plan's own, or one built from the description, style and elements; stronger on each retry.</summary>
public static class GridPrompts
{
    public static string Base(ClientPlan plan, PlanSequence sequence)
    {
        if (!string.IsNullOrWhiteSpace(sequence.GridPrompt))
        {
            return sequence.GridPrompt;
        }

        var cast = sequence.Elements.Select(id => plan.FindElement(id)?.Name ?? id).ToList();
        var scene = sequence.Description ?? string.Join("; ", sequence.Shots.Select(s => s.Prompt));
        var parts = new List<string>
        {
            $"A 2x2 grid of four different candidate keyframes for the {sequence.Section} of a music video, separated by thin white gutters.",
            $"Scene: {scene}.",
        };
        if (cast.Count > 0)
        {
            parts.Add($"Featuring {string.Join(", ", cast)} (see the reference images).");
        }

        if (!string.IsNullOrWhiteSpace(plan.Style))
        {
            parts.Add($"Style: {plan.Style}.");
        }

        parts.Add("Each panel a distinct composition and camera angle.");
        return string.Join(' ', parts);
    }

    /// <summary>The prompt for retry <paramref name="attempt"/> (1-based) after the model drew one picture instead of a grid.</summary>
    public static string Stronger(string basePrompt, int attempt) => attempt switch
    {
        <= 0 => basePrompt,
        1 => $"IMPORTANT: the output must be ONE image split into a 2x2 grid of FOUR separate panels with white gutters between them. {basePrompt}",
        _ => $"Draw exactly four separate panels arranged two by two (a contact sheet), divided by straight white lines through the middle horizontally and vertically. Do not draw a single picture. {basePrompt}",
    };

    /// <summary>The prompt for single image <paramref name="index"/> (0–3) of the composite fallback.</summary>
    public static string SingleImage(string basePrompt, int index) =>
        $"One single keyframe (not a grid), variation {index + 1} of 4 with its own composition and camera angle. {basePrompt.Replace("A 2x2 grid of four different candidate keyframes", "A keyframe", StringComparison.Ordinal)}";
}
