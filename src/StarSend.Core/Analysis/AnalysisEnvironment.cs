namespace StarSend.Core.Analysis;

/// <summary>The environment of a start frame as the vision model saw it (seed 003's image analysis).</summary>
public sealed record AnalysisEnvironment
{
    public required string Setting { get; init; }

    public required string TimeOfDay { get; init; }

    public required string Weather { get; init; }

    public required string LocationType { get; init; }

    public List<string> KeySubjects { get; init => field = value ?? field; } = [];

    /// <summary>Colour names, most of the frame first.</summary>
    public List<string> DominantColors { get; init => field = value ?? field; } = [];

    public required string Atmosphere { get; init; }

    public required string Lighting { get; init; }
}
