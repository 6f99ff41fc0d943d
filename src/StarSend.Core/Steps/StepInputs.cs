namespace StarSend.Core.Steps;

/// <summary>An element's images on disk: the frontal image and up to three other angles.</summary>
public sealed record ElementImages(string Id, string FrontalPath, IReadOnlyList<string> ReferencePaths);

/// <summary>A shot of a multi-shot call: its id and whole-second duration.</summary>
public sealed record ShotSpec(string Id, int DurationS);

/// <summary>A finished step: its execution, the verified file, what it cost.</summary>
public sealed record StepResult(string ExecutionId, string RequestId, string File, long Bytes, string Sha256, double DurationS, string Model, decimal CostUsd, bool Resumed)
{
    /// <summary>The provider's own report of the charge (Leonardo), beside <see cref="CostUsd"/>.</summary>
    public Providers.VideoModels.ReportedCost? ReportedCost { get; init; }

    /// <summary>The models of the fallback chain passed over before <see cref="Model"/> made this result, in order; empty when the first one did.</summary>
    public IReadOnlyList<Providers.ModelSkip> SkippedModels { get; init; } = [];
}
