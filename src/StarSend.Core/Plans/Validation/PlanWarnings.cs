using StarSend.Core.Elements;
using StarSend.Core.Errors;
using StarSend.Core.Providers.VideoModels;
using StarSend.Core.Settings;

namespace StarSend.Core.Plans.Validation;

/// <summary>What a valid plan will cost the producer in surprises: per-shot generation and elements Kling's cap leaves out.</summary>
internal static class PlanWarnings
{
    private const int MaxReferenceImages = 3;

    // The keys StarSend reads on a sequence and a shot (snake_case as in client_plan.json); an unknown key this close
    // to one of them is most likely a typo, silently ignored otherwise ('video_modle' would leave the project's model).
    private static readonly string[] SequenceKeys = ["id", "section", "start_s", "end_s", "description", "grid_prompt", "elements", "shots", "video_model", "omit", "omitted"];
    private static readonly string[] ShotKeys = ["id", "prompt", "duration", "own_start_frame"];

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
            warnings.AddRange(Typos(sequence.Extra, SequenceKeys, $"$.sequences[{s}]"));
            for (var k = 0; k < sequence.Shots.Count; k++)
            {
                warnings.AddRange(Typos(sequence.Shots[k].Extra, ShotKeys, $"$.sequences[{s}].shots[{k}]"));
            }

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

    /// <summary>Keys kept as extra fields that are one or two edits from a key StarSend reads: "did you mean" warnings.</summary>
    private static IEnumerable<PlanProblem> Typos(Dictionary<string, System.Text.Json.JsonElement>? extra, string[] known, string path)
    {
        foreach (var key in extra?.Keys ?? Enumerable.Empty<string>())
        {
            var closest = known.Where(k => k != key).MinBy(k => Text.EditDistance.Between(key, k));
            if (closest is not null && Text.EditDistance.Between(key, closest) <= (key.Length <= 4 ? 1 : 2) && !known.Contains(key))
            {
                yield return new($"{path}.{key}", $"unknown key, ignored; did you mean '{closest}'?");
            }
        }
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
