namespace StarSend.Core.Sequences;

/// <summary>The whole of <c>state/client/sequences.json</c>.</summary>
public sealed record SequencesDocument
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    public Dictionary<string, SequenceRecord> Sequences { get; init; } = new(StringComparer.Ordinal);
}
