namespace StarSend.Core.Analysis;

/// <summary>
/// One paid analysis of a start frame, kept in <c>sequences.json</c> with the start frame it describes (its file and
/// SHA-256): a new pick makes it stale. Every analysis is kept, oldest first.
/// </summary>
public sealed record StartFrameAnalysis
{
    public required int Number { get; init; }

    /// <summary>The invocation that paid for it.</summary>
    public required string RunId { get; init; }

    /// <summary>Project-relative path of the start frame analysed.</summary>
    public required string StartFrameFile { get; init; }

    /// <summary>SHA-256 of the start frame's bytes when it was analysed.</summary>
    public required string StartFrameSha256 { get; init; }

    /// <summary>Project-relative path of the answer's JSON as it came.</summary>
    public required string File { get; init; }

    public required string Model { get; init; }

    public required string ExecutionId { get; init; }

    /// <summary>US dollars of this run's calls for it (an answer that failed the schema and was asked again included).</summary>
    public decimal CostUsd { get; init; }

    public required AnalysisAnswer Answer { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
