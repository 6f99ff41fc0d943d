namespace StarSend.Core.Executions;

/// <summary>The whole of <c>state/executions.json</c>.</summary>
public sealed record ExecutionsDocument
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init => field = value == 0 ? field : value; } = CurrentSchemaVersion;

    public Dictionary<string, ExecutionRecord> Executions { get; init => field = value ?? field; } = new(StringComparer.Ordinal);

    /// <summary>Files already uploaded to the provider, by SHA-256 of their content.</summary>
    public Dictionary<string, UploadRecord> Uploads { get; init => field = value ?? field; } = new(StringComparer.Ordinal);
}

public sealed record UploadRecord(string Url, DateTimeOffset UploadedAt);
