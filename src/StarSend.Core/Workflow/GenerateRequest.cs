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

    public Func<string, bool>? Confirm { get; init; }
}
