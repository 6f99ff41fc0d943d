using System.Globalization;
using StarSend.Core.Analysis;
using StarSend.Core.Errors;
using StarSend.Core.Plans;
using StarSend.Core.Sequences;

namespace StarSend.Core.Workflow;

/// <summary>
/// A take's prompts (issue #10): the plan's, then <c>--prompts-from</c> (a take's, per shot), then <c>--prompt</c> edits,
/// then the <c>--animate</c>d motion elements appended; with <c>--animate</c>, a negative prompt of the standard
/// artefacts plus every potential moving element not animated. With <c>--feedback</c>, the stored rewrite's prompts and
/// the latest take's negative prompt and animated elements. Bad input is one <see cref="BadInputException"/> line
/// naming the sequence and the option.
/// </summary>
public static class TakePrompts
{
    /// <summary>The resolved prompts, the motion elements animated and the negative prompt (null without <c>--animate</c>).</summary>
    public static (List<TakePrompt> Prompts, List<string> Animated, string? Negative) Resolve(
        PlanSequence sequence, SequenceRecord record, GenerateRequest request, StartFrameAnalysis? analysis, string negativeBase)
    {
        if (request.Feedback is { } feedback)
        {
            if (request.PromptEdits.Count > 0 || request.PromptsFrom is not null || request.Animate is not null)
            {
                throw new BadInputException($"{sequence.Id}: --feedback rewrites the latest take's prompts; use it without --prompt, --prompts-from and --animate");
            }

            var rewrite = ClientSequenceRunner.UnusedRewrite(record, feedback)
                ?? throw new IllegalTransitionException($"{sequence.Id}: no rewrite of this feedback for take {(record.Takes.Count == 0 ? 0 : record.Takes[^1].Number)} is waiting (another run may have made a take meanwhile); run the command again");
            var latest = record.Takes[^1];
            return ([.. rewrite.Prompts], [.. latest.AnimatedElements], latest.NegativePrompt);
        }

        var prompts = sequence.Shots.Select(s => new TakePrompt(s.Id, s.Prompt, "plan")).ToList();
        if (request.PromptsFrom is { } from)
        {
            ApplyPromptsFrom(sequence, record, from, prompts);
        }

        foreach (var (key, text) in request.PromptEdits)
        {
            var shot = key.Length == 0
                ? sequence.Shots.Count == 1 ? sequence.Shots[0].Id : throw new BadInputException($"{sequence.Id}: --prompt without a shot works only on a one-shot sequence; name the shot: --prompt {sequence.Shots[0].Id}=\"...\" (shots: {string.Join(", ", sequence.Shots.Select(s => s.Id))})")
                : key;
            var index = IndexOf(sequence, shot, "--prompt");
            if (string.IsNullOrWhiteSpace(text))
            {
                throw new BadInputException($"{sequence.Id}: --prompt {shot}: the prompt is empty");
            }

            prompts[index] = prompts[index] with { Prompt = text.Trim(), Source = "edit" };
        }

        var animated = new List<string>();
        string? negative = null;
        if (request.Animate is { } spec)
        {
            if (analysis is null)
            {
                throw new BadInputException($"{sequence.Id}: --animate needs an analysis of the current start frame; run 'starsend analyze {sequence.Id}' first");
            }

            var chosen = ChooseMotions(sequence.Id, spec, analysis.Answer.MotionElements);
            animated.AddRange(chosen.Select(m => m.Element));
            var motion = string.Join("; ", chosen.Select(m => $"{m.Element} {m.MotionType} ({m.Location})"));
            prompts = [.. prompts.Select(p => p with { Prompt = $"{p.Prompt.TrimEnd().TrimEnd('.')}. Motion: {motion}.", Source = $"{p.Source} +animate" })];
            var still = analysis.Answer.PotentialMovingElements
                .Where(e => !chosen.Any(m => e.Contains(m.Element, StringComparison.OrdinalIgnoreCase) || m.Element.Contains(e, StringComparison.OrdinalIgnoreCase)))
                .Select(e => $"moving {e}");
            negative = string.Join(", ", new[] { negativeBase.Trim() }.Where(b => b.Length > 0).Concat(still));
        }

        foreach (var p in prompts.Where(p => p.Prompt.EnumerateRunes().Count() > PlanLimits.MaxPromptCharacters))
        {
            throw new BadInputException($"{sequence.Id}: {p.Shot}'s prompt ({p.Source}) is {p.Prompt.EnumerateRunes().Count()} characters; Kling takes at most {PlanLimits.MaxPromptCharacters}");
        }

        return (prompts, animated, negative);
    }

    /// <summary>The prompts of take <paramref name="number"/> by shot id (its recorded prompts, else its shot_prompts in shot order).</summary>
    private static List<TakePrompt> PromptsOf(PlanSequence sequence, SequenceRecord record, int number, string spec)
    {
        var take = record.Takes.FirstOrDefault(t => t.Number == number)
            ?? throw new BadInputException($"{sequence.Id}: --prompts-from {spec}: no take {number}; its takes are {(record.Takes.Count == 0 ? "none yet" : string.Join(", ", record.Takes.Select(t => t.Number)))}");
        return take.Prompts.Count > 0
            ? take.Prompts
            : [.. take.ShotPrompts.Select((p, i) => new TakePrompt(i < sequence.Shots.Count ? sequence.Shots[i].Id : $"#{i + 1}", p, "plan"))];
    }

    private static void ApplyPromptsFrom(PlanSequence sequence, SequenceRecord record, string spec, List<TakePrompt> prompts)
    {
        var parts = spec.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 1 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var whole))
        {
            var from = PromptsOf(sequence, record, whole, spec);
            for (var i = 0; i < prompts.Count; i++)
            {
                var found = from.FirstOrDefault(p => p.Shot == prompts[i].Shot)
                    ?? throw new BadInputException($"{sequence.Id}: --prompts-from {spec}: take {whole} has no prompt for {prompts[i].Shot}");
                prompts[i] = new TakePrompt(prompts[i].Shot, found.Prompt, $"take {whole}");
            }

            return;
        }

        foreach (var part in parts)
        {
            var pieces = part.Split(':', 2);
            if (pieces.Length != 2 || !int.TryParse(pieces[0], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                throw new BadInputException($"{sequence.Id}: --prompts-from '{spec}': use N (every shot from take N) or N:SHOT,M:SHOT (e.g. 1:shot01,2:shot02)");
            }

            var index = IndexOf(sequence, pieces[1], "--prompts-from");
            var found = PromptsOf(sequence, record, number, spec).FirstOrDefault(p => p.Shot == pieces[1])
                ?? throw new BadInputException($"{sequence.Id}: --prompts-from {spec}: take {number} has no prompt for {pieces[1]}");
            prompts[index] = new TakePrompt(pieces[1], found.Prompt, $"take {number}");
        }
    }

    private static List<MotionElement> ChooseMotions(string id, string spec, List<MotionElement> motions)
    {
        var chosen = new List<MotionElement>();
        foreach (var item in spec.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var motion = int.TryParse(item, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                ? n >= 1 && n <= motions.Count ? motions[n - 1] : null
                : motions.FirstOrDefault(m => string.Equals(m.Element, item, StringComparison.OrdinalIgnoreCase));
            if (motion is null)
            {
                throw new BadInputException($"{id}: --animate '{item}': the analysis has motion elements {string.Join(", ", motions.Select((m, i) => $"{i + 1} {m.Element}"))}");
            }

            if (!chosen.Contains(motion))
            {
                chosen.Add(motion);
            }
        }

        return chosen.Count > 0 ? chosen : throw new BadInputException($"{id}: --animate needs at least one motion element (an index or a name)");
    }

    private static int IndexOf(PlanSequence sequence, string shot, string option)
    {
        var index = -1;
        for (var i = 0; i < sequence.Shots.Count && index < 0; i++)
        {
            index = sequence.Shots[i].Id == shot ? i : -1;
        }

        return index >= 0 ? index : throw new BadInputException($"{sequence.Id}: {option}: no shot '{shot}'; its shots are {string.Join(", ", sequence.Shots.Select(s => s.Id))}");
    }
}
