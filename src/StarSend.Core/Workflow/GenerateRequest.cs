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
}
