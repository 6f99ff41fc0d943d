namespace StarSend.Core.Sequences;

/// <summary>The whole of <c>state/client/sequences.json</c>.</summary>
public sealed record SequencesDocument
{
    /// <summary>2 adds pass run ids (issue #14): <c>pass_run_id</c> on sequences, grids, start frames and takes. 1 migrates forward as is.</summary>
    public const int CurrentSchemaVersion = 2;

    public int SchemaVersion { get; init => field = value == 0 ? field : value; } = CurrentSchemaVersion;

    public Dictionary<string, SequenceRecord> Sequences { get; init => field = value ?? field; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Brings a document read from an older schema to <see cref="CurrentSchemaVersion"/>. From 1: nothing to rewrite
    /// (the pass fields are new and absent; files are never renamed); sequences get a pass at their next grid or generate.
    /// </summary>
    public SequencesDocument MigrateForward() => SchemaVersion >= CurrentSchemaVersion ? this : this with { SchemaVersion = CurrentSchemaVersion };
}
