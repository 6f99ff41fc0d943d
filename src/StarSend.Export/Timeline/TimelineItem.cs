namespace StarSend.Export.Timeline;

/// <summary>One item of the picture track: a clip or a gap, placed in frames from the start of the song.</summary>
public abstract record TimelineItem
{
    /// <summary>First frame on the timeline (record in).</summary>
    public required long Start { get; init; }

    /// <summary>Length in frames; always positive.</summary>
    public required long Duration { get; init; }

    /// <summary>The frame after the last one (record out).</summary>
    public long End => Start + Duration;
}
