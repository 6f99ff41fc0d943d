namespace StarSend.Export.Timeline;

/// <summary>Frames with no approved picture, kept as a gap and marked with why (<see cref="Reason"/>).</summary>
public sealed record TimelineGap : TimelineItem
{
    /// <summary>"SEQ03 not approved (review)", "SEQ05 omitted", "no sequence planned", "SEQ02 take 1 ends early".</summary>
    public required string Reason { get; init; }
}
