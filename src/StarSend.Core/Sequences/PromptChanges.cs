namespace StarSend.Core.Sequences;

/// <summary>How the latest take's prompts differ from the take before it, for <c>status SEQ</c> (issue #10).</summary>
public static class PromptChanges
{
    /// <summary>
    /// One line: each shot whose prompt changed since the previous take, with its source (<c>shot02 (edit): "…"</c>),
    /// or that none changed, and for a <c>--feedback</c> take the feedback, its rewrite and the rationale; null when
    /// the sequence has fewer than two takes.
    /// </summary>
    public static string? Describe(SequenceRecord record)
    {
        if (record.Takes.Count < 2)
        {
            return null;
        }

        var (before, latest) = (record.Takes[^2], record.Takes[^1]);
        var changed = new List<string>();
        for (var i = 0; i < latest.ShotPrompts.Count; i++)
        {
            if (i >= before.ShotPrompts.Count || before.ShotPrompts[i] != latest.ShotPrompts[i])
            {
                var shot = i < latest.Prompts.Count ? latest.Prompts[i] : null;
                var text = latest.ShotPrompts[i].Length > 60 ? latest.ShotPrompts[i][..57] + "..." : latest.ShotPrompts[i];
                changed.Add($"{shot?.Shot ?? $"shot {i + 1}"} ({shot?.Source ?? "plan"}): \"{text}\"");
            }
        }

        var negative = before.NegativePrompt != latest.NegativePrompt ? $"; negative prompt {(latest.NegativePrompt is null ? "dropped" : latest.NegativePromptSent == true ? "changed (sent)" : "changed (not sent: the model takes none)")}" : string.Empty;
        var feedback = latest.Feedback is { } f
            ? $"; from feedback \"{f.Text}\" on take {f.BaseTake} (rewrite {f.Rewrite} by {f.Model}, ${f.CostUsd:0.0000}): {f.Rationale}"
            : string.Empty;
        return changed.Count == 0
            ? $"{record.Id} take {latest.Number} prompts: same as take {before.Number}{negative}{feedback}"
            : $"{record.Id} take {latest.Number} prompts changed since take {before.Number}: {string.Join("; ", changed)}{negative}{feedback}";
    }
}
