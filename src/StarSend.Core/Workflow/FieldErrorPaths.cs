using StarSend.Core.Errors;
using StarSend.Core.Plans;

namespace StarSend.Core.Workflow;

/// <summary>
/// Maps the items of a provider's validation answer (fal's 422 <c>detail</c>, <c>loc</c> into the request body) back to
/// the client plan's JSON paths, e.g. <c>body.multi_prompt.1.duration</c> of SEQ03 to <c>$.sequences[2].shots[1].duration</c>.
/// Request fields with no plan counterpart (the uploaded start frame, a root rule) name the sequence.
/// </summary>
public static class FieldErrorPaths
{
    /// <summary>One clause per item, <c>PATH: message (type; fal: loc)</c>, joined with "; ".</summary>
    public static string Describe(ClientPlan plan, PlanSequence sequence, string? stepId, IReadOnlyList<ProviderFieldError> errors)
    {
        var index = plan.Sequences.ToList().FindIndex(s => s.Id == sequence.Id);
        var root = $"$.sequences[{index}]";
        var shot = StepShot(sequence, stepId);
        return string.Join("; ", errors.Select(e => $"{PathOf(e.Loc, root, sequence, shot)}: {e.Message} ({(e.Type is null ? string.Empty : e.Type + "; ")}fal: {e.Where})"));
    }

    /// <summary>The plan path of one item's <c>loc</c> (leading <c>body</c> skipped).</summary>
    public static string PathOf(IReadOnlyList<string> loc, string root, PlanSequence sequence, int? shot)
    {
        var parts = loc.Count > 0 && loc[0] == "body" ? loc.Skip(1).ToList() : [.. loc];
        if (parts.Count == 0)
        {
            return root;
        }

        switch (parts[0])
        {
            case "multi_prompt" when parts.Count > 1 && int.TryParse(parts[1], out var i) && i >= 0 && i < sequence.Shots.Count:
                return parts.Count > 2 && parts[2] is "prompt" or "duration" ? $"{root}.shots[{i}].{parts[2]}" : $"{root}.shots[{i}]";
            case "multi_prompt":
                return $"{root}.shots";
            case "prompt" or "duration" when shot is { } k:
                return $"{root}.shots[{k}].{parts[0]}";
            case "prompt" or "duration":
                return $"{root}.shots";
            case "elements" or "image_urls":
                return $"{root}.elements";
            case "start_image_url" or "image_url" or "end_image_url":
                return $"{root} (start frame)";
            default:
                return root;
        }
    }

    private static int? StepShot(PlanSequence sequence, string? stepId)
    {
        if (stepId is null)
        {
            return sequence.Shots.Count == 1 ? 0 : null;
        }

        var index = sequence.Shots.ToList().FindIndex(s => stepId == $"{sequence.Id}_{s.Id}");
        return index >= 0 ? index : sequence.Shots.Count == 1 ? 0 : null;
    }
}
