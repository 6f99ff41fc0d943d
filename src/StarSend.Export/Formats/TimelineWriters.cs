using StarSend.Export.Timeline;

namespace StarSend.Export.Formats;

/// <summary>Picks the writer and the file extension of a <see cref="TimelineFormat"/>.</summary>
public static class TimelineWriters
{
    /// <summary>The usual extension, with its dot.</summary>
    public static string Extension(TimelineFormat format) => format switch
    {
        TimelineFormat.Otio => ".otio",
        TimelineFormat.Fcpxml => ".fcpxml",
        _ => ".edl",
    };

    /// <summary>The whole document as text (UTF-8 when written).</summary>
    public static string Write(EditTimeline timeline, TimelineFormat format) => format switch
    {
        TimelineFormat.Otio => OtioWriter.Write(timeline),
        TimelineFormat.Fcpxml => FcpxmlWriter.Write(timeline),
        _ => EdlWriter.Write(timeline),
    };
}
