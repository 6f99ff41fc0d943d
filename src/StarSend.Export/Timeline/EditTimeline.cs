namespace StarSend.Export.Timeline;

/// <summary>
/// The edit StarSend hands to an editor: the song's length at the plan's frame rate, one picture track of clips and
/// marked gaps that covers it from frame 0 to <see cref="Duration"/> with no overlap, and the song audio when the plan
/// names it. Built by <see cref="TimelineBuilder"/>; written by the format writers.
/// </summary>
public sealed record EditTimeline
{
    public required string Project { get; init; }

    public required string SongTitle { get; init; }

    public required FrameRate Rate { get; init; }

    /// <summary>The song's length in frames.</summary>
    public required long Duration { get; init; }

    /// <summary>Picture width and height in pixels, from the plan's aspect ratio.</summary>
    public required int Width { get; init; }

    public required int Height { get; init; }

    /// <summary>Clips and gaps in time order, contiguous from frame 0 to <see cref="Duration"/>.</summary>
    public required IReadOnlyList<TimelineItem> Items { get; init; }

    public SongAudio? Audio { get; init; }

    /// <summary>The run that exported the timeline.</summary>
    public required string ExportRunId { get; init; }

    public IEnumerable<TimelineClip> Clips => Items.OfType<TimelineClip>();

    public IEnumerable<TimelineGap> Gaps => Items.OfType<TimelineGap>();
}
