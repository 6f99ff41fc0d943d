namespace StarSend.Export.Formats;

/// <summary>The exchange formats <c>starsend export timeline</c> writes.</summary>
public enum TimelineFormat
{
    /// <summary>OpenTimelineIO JSON (<c>.otio</c>): Timeline.1, Clip.2, Gap.1, Marker.2.</summary>
    Otio,

    /// <summary>Final Cut Pro XML 1.9 (<c>.fcpxml</c>), which Resolve and Premiere (through its importers) read too.</summary>
    Fcpxml,

    /// <summary>CMX 3600 edit decision list (<c>.edl</c>), non-drop-frame.</summary>
    Edl,
}
