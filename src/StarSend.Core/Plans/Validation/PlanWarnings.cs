using StarSend.Core.Elements;
using StarSend.Core.Errors;

namespace StarSend.Core.Plans.Validation;

/// <summary>What a valid plan will cost the producer in surprises: per-shot generation and elements Kling's cap leaves out.</summary>
internal static class PlanWarnings
{
    private const int MaxReferenceImages = 3;

    public static IReadOnlyList<PlanProblem> For(ClientPlan plan)
    {
        var warnings = new List<PlanProblem>();
        for (var e = 0; e < plan.Elements.Count; e++)
        {
            var count = plan.Elements[e].ReferenceImages.Count;
            if (count > MaxReferenceImages)
            {
                warnings.Add(new($"$.elements[{e}].reference_images", $"{count} reference images; only the first {MaxReferenceImages} are sent"));
            }
        }

        for (var s = 0; s < plan.Sequences.Count; s++)
        {
            var sequence = plan.Sequences[s];
            if (PerShotReason(sequence) is { } reason)
            {
                warnings.Add(new($"$.sequences[{s}]", $"generated per shot only ({reason})"));
            }

            var selection = ElementManager.Select(plan, sequence, withStartFrame: true);
            if (selection.Dropped.Count > 0)
            {
                var dropped = string.Join(", ", selection.Dropped.Select(d => d.Id));
                warnings.Add(new(
                    $"$.sequences[{s}].elements",
                    $"{selection.Used.Count + selection.Dropped.Count} elements; with a start frame Kling takes the first {selection.Used.Count}, so {dropped} will be left out"));
            }
        }

        return warnings;
    }

    private static string? PerShotReason(PlanSequence sequence)
    {
        if (sequence.Shots.Count > PlanLimits.MaxShotsPerMultiShot || sequence.TotalDurationS > PlanLimits.MaxMultiShotSeconds)
        {
            return $"{sequence.Shots.Count} shots, {sequence.TotalDurationS} s";
        }

        var own = sequence.Shots.Where(s => s.OwnStartFrame).Select(s => s.Id).ToList();
        return own.Count > 0 ? $"own start frame on {string.Join(", ", own)}" : null;
    }
}
