namespace StarSend.Core.Analysis;

/// <summary>The model's answer to the start-frame analysis, as <see cref="AnalysisSchema"/> describes it.</summary>
public sealed record AnalysisAnswer
{
    public required AnalysisEnvironment Environment { get; init; }

    /// <summary>3–8 elements that should move.</summary>
    public List<MotionElement> MotionElements { get; init => field = value ?? field; } = [];

    /// <summary>5–20 things that could move; those not animated are what must stay still (the negative prompt).</summary>
    public List<string> PotentialMovingElements { get; init => field = value ?? field; } = [];
}
