namespace StarSend.Core.Workflow;

public enum GenerateMode
{
    /// <summary>Multi-shot unless shots need their own start frames or the sequence cannot fit one call.</summary>
    Auto,
    Multi,
    Individual,
}

/// <summary>How to generate a take. <see cref="Confirm"/> asks the producer (null in scripts: then --yes is needed to drop elements).</summary>
public sealed record GenerateRequest
{
    public GenerateMode Mode { get; init; } = GenerateMode.Auto;

    public bool DryRun { get; init; }

    public bool Yes { get; init; }

    /// <summary>Also generate sequences that already have a take (paying for another); without it a re-run only resumes.</summary>
    public bool Again { get; init; }

    public Func<string, bool>? Confirm { get; init; }

    /// <summary><c>generate --model ID</c>: the video model for this run, over the sequence's and the project's (issue #11).</summary>
    public string? Model { get; init; }

    /// <summary><c>--prompt shot02="..."</c>: this take's prompt for a shot (by id; the key is empty for a one-shot sequence's only shot). The plan is never rewritten.</summary>
    public IReadOnlyDictionary<string, string> PromptEdits { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary><c>--prompts-from N</c> (every shot from take N) or <c>N:shot01,M:shot02</c> (each named shot from a take).</summary>
    public string? PromptsFrom { get; init; }

    /// <summary><c>--animate 1,3</c>: motion elements of the current analysis (1-based indexes or names) added to the shot prompts; the rest of what could move goes to the negative prompt.</summary>
    public string? Animate { get; init; }

    /// <summary>
    /// <c>--feedback TEXT</c>: the take's prompts are the stored rewrite of this feedback for the latest take
    /// (<see cref="ClientSequenceRunner.RewriteWithFeedbackAsync"/> makes it first); the latest take's negative prompt and
    /// animated elements carry over. Implies a new take, like <see cref="Again"/>.
    /// </summary>
    public string? Feedback { get; init; }

    /// <summary>True when the take's prompts differ from the plan's in any way.</summary>
    public bool EditsPrompts => PromptEdits.Count > 0 || PromptsFrom is not null || Animate is not null || Feedback is not null;
}
