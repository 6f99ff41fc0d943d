using StarSend.Core.Elements;
using StarSend.Core.Errors;
using StarSend.Core.Providers.VideoModels;
using StarSend.Core.Settings;

namespace StarSend.Core.Plans.Validation;

/// <summary>What a valid plan will cost the producer in surprises: per-shot generation and elements Kling's cap leaves out.</summary>
internal static class PlanWarnings
{
    private const int MaxReferenceImages = 3;

    /// <summary>Warnings for each sequence on the model it will use (its <c>video_model</c>, else <paramref name="projectModel"/>).</summary>
    public static IReadOnlyList<PlanProblem> For(ClientPlan plan, string projectModel = SettingsDefaults.VideoModel)
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
            var model = SequenceModelCheck.ModelFor(sequence, projectModel);
            if (VideoModelCatalog.Problem(model) is not null)
            {
                continue;
            }

            var caps = VideoModelCatalog.For(model);
            if (PerShotReason(sequence, caps) is { } reason)
            {
                warnings.Add(new($"$.sequences[{s}]", $"generated per shot only ({reason})"));
            }

            var selection = ElementManager.Select(plan, sequence, caps.ElementCap(withStartFrame: true));
            if (selection.Dropped.Count > 0)
            {
                var dropped = string.Join(", ", selection.Dropped.Select(d => d.Id));
                var who = caps.Id.Provider == VideoModelId.Fal ? "Kling" : caps.Id.Full;
                warnings.Add(new(
                    $"$.sequences[{s}].elements",
                    $"{selection.Used.Count + selection.Dropped.Count} elements; with a start frame {who} takes {(selection.Used.Count == 0 ? "none" : $"the first {selection.Used.Count}")}, so {dropped} will be left out"));
            }
        }

        return warnings;
    }

    private static string? PerShotReason(PlanSequence sequence, VideoModelCapabilities caps)
    {
        if (!caps.MultiShot && sequence.Shots.Count > 1)
        {
            return $"{caps.Id.Full} takes one shot a call";
        }

        if (sequence.Shots.Count > caps.MaxShotsPerCall || sequence.TotalDurationS > caps.MaxSecondsPerCall)
        {
            return $"{sequence.Shots.Count} shots, {sequence.TotalDurationS} s";
        }

        var own = sequence.Shots.Where(s => s.OwnStartFrame).Select(s => s.Id).ToList();
        return own.Count > 0 ? $"own start frame on {string.Join(", ", own)}" : null;
    }
}
