using StarSend.Core.Plans;

namespace StarSend.Core.Workflow;

/// <summary>Grid prompts: the plan's own, or one built from the description, style and elements; stronger on each retry.</summary>
public static class GridPrompts
{
    public static string Base(ClientPlan plan, PlanSequence sequence) =>
        string.IsNullOrWhiteSpace(sequence.GridPrompt)
            ? $"A 2x2 grid of four different candidate keyframes for the {sequence.Section} of a music video, separated by thin white gutters. {Scene(plan, sequence)} Each panel a distinct composition and camera angle."
            : sequence.GridPrompt;

    /// <summary>The prompt for retry <paramref name="attempt"/> (1-based) after the model drew one picture instead of a grid.</summary>
    public static string Stronger(string basePrompt, int attempt) => attempt switch
    {
        <= 0 => basePrompt,
        1 => $"IMPORTANT: the output must be ONE image split into a 2x2 grid of FOUR separate panels with white gutters between them. {basePrompt}",
        _ => $"Draw exactly four separate panels arranged two by two (a contact sheet), divided by straight white lines through the middle horizontally and vertically. Do not draw a single picture. {basePrompt}",
    };

    /// <summary>
    /// The prompt for single image <paramref name="index"/> (0–3) of the composite fallback: the scene alone, with no
    /// word of panels, so the model draws one full-frame picture.
    /// </summary>
    public static string SingleImage(ClientPlan plan, PlanSequence sequence, int index) =>
        $"One full-frame keyframe for the {sequence.Section} of a music video, variation {index + 1} of 4 with its own composition and camera angle. {Scene(plan, sequence)}";

    private static string Scene(ClientPlan plan, PlanSequence sequence)
    {
        var cast = sequence.Elements.Select(id => plan.FindElement(id)?.Name ?? id).ToList();
        var parts = new List<string> { $"Scene: {sequence.Description ?? string.Join("; ", sequence.Shots.Select(s => s.Prompt))}." };
        if (cast.Count > 0)
        {
            parts.Add($"Featuring {string.Join(", ", cast)} (see the reference images).");
        }

        if (!string.IsNullOrWhiteSpace(plan.Style))
        {
            parts.Add($"Style: {plan.Style}.");
        }

        return string.Join(' ', parts);
    }
}
