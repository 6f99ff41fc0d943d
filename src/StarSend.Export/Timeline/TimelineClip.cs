namespace StarSend.Export.Timeline;

/// <summary>
/// A take's video file on the picture track: the whole multi-shot take, or one shot of a per-shot take.
/// <see cref="Name"/> carries the sequence id and take number ("SEQ04 take 2" or "SEQ04 take 2 shot02").
/// </summary>
public sealed record TimelineClip : TimelineItem
{
    public required string Name { get; init; }

    public required string SequenceId { get; init; }

    public required string Section { get; init; }

    public required int TakeNumber { get; init; }

    /// <summary>The shot id of a per-shot file; null for a multi-shot take.</summary>
    public string? ShotId { get; init; }

    /// <summary>Absolute path of the MP4.</summary>
    public required string File { get; init; }

    /// <summary>Project-relative path of the MP4, as the take records it.</summary>
    public required string ProjectFile { get; init; }

    /// <summary>First frame used from the file (non-zero only when the sequence overlaps the one before).</summary>
    public long SourceStart { get; init; }

    /// <summary>Frames the file holds.</summary>
    public required long SourceDuration { get; init; }

    public required string RunId { get; init; }

    /// <summary>The prompts of the shots this clip shows, in shot order.</summary>
    public required IReadOnlyList<string> Prompts { get; init; }

    /// <summary>What the whole take cost, US dollars.</summary>
    public required decimal TakeCostUsd { get; init; }

    public string? Model { get; init; }

    /// <summary>"approved" or "final".</summary>
    public required string Status { get; init; }
}
