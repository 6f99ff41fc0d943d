using System.Globalization;
using System.Text;
using StarSend.Core.Errors;
using StarSend.Export.Timeline;

namespace StarSend.Export.Formats;

/// <summary>
/// CMX 3600 edit decision list, non-drop-frame: a <c>TITLE:</c> and <c>FCM: NON-DROP FRAME</c> header, one cut event
/// per clip in fixed columns (event number, 8-character reel, channel, transition, source in/out, record in/out; record
/// times are song time from 00:00:00:00), then the song audio as an <c>AA</c> event. Clip names, files, run ids,
/// prompts and cost go in <c>* </c> comment lines under their event, as editors' importers read them
/// (<c>* FROM CLIP NAME:</c>). A gap is a stretch of record time with no event, noted by a <c>* GAP</c> comment.
/// </summary>
internal static class EdlWriter
{
    /// <summary>Event numbers have three digits.</summary>
    private const int MaxEvents = 999;

    public static string Write(EditTimeline timeline)
    {
        var rate = timeline.Rate;
        var edl = new StringBuilder();
        edl.Append("TITLE: ").Append(Clean($"{timeline.Project} {timeline.SongTitle}", 60)).Append('\n');
        edl.Append("FCM: NON-DROP FRAME\n");
        edl.Append("* STARSEND EXPORT RUN: ").Append(timeline.ExportRunId).Append('\n');
        edl.Append(CultureInfo.InvariantCulture, $"* FPS: {rate}\n");
        var number = 0;
        foreach (var item in timeline.Items)
        {
            if (item is TimelineGap gap)
            {
                edl.Append(CultureInfo.InvariantCulture, $"* GAP {rate.Timecode(gap.Start)} {rate.Timecode(gap.End)} {Clean(gap.Reason, 120)}\n");
                continue;
            }

            var clip = (TimelineClip)item;
            edl.Append('\n');
            Event(edl, rate, ++number, Reel(clip), "V", clip.SourceStart, clip.Start, clip.Duration);
            edl.Append("* FROM CLIP NAME: ").Append(Clean(clip.Name, 120)).Append('\n');
            edl.Append("* SOURCE FILE: ").Append(clip.File).Append('\n');
            edl.Append(CultureInfo.InvariantCulture, $"* STARSEND: {clip.Status} run {clip.RunId} section {Clean(clip.Section, 60)} take cost USD {clip.TakeCostUsd}\n");
            for (var i = 0; i < clip.Prompts.Count; i++)
            {
                edl.Append(CultureInfo.InvariantCulture, $"* PROMPT {i + 1}: {Clean(clip.Prompts[i], 200)}\n");
            }
        }

        if (timeline.Audio is { } audio)
        {
            edl.Append('\n');
            Event(edl, rate, ++number, "SONG", audio.Channels == 1 ? "A" : "AA", 0, 0, audio.Duration);
            edl.Append("* FROM CLIP NAME: ").Append(Clean(Path.GetFileName(audio.File), 120)).Append('\n');
            edl.Append("* SOURCE FILE: ").Append(audio.File).Append('\n');
        }

        if (number > MaxEvents)
        {
            throw new BadInputException($"the edit has {number} events; a CMX 3600 EDL holds at most {MaxEvents}: export --format otio or fcpxml");
        }

        return edl.ToString();
    }

    private static void Event(StringBuilder edl, FrameRate rate, int number, string reel, string channel, long sourceIn, long recordIn, long duration) =>
        edl.Append(CultureInfo.InvariantCulture,
            $"{number:000}  {reel,-8} {channel,-5} C        {rate.Timecode(sourceIn)} {rate.Timecode(sourceIn + duration)} {rate.Timecode(recordIn)} {rate.Timecode(recordIn + duration)}\n");

    /// <summary>
    /// One reel per source file, in CMX's 8 characters: <c>SEQ01T01</c> for a take's one file; for a shot file of a
    /// per-shot take the sequence's number, take and shot (<c>04T02S01</c>), so no two files share a reel. <c>AX</c> when
    /// the name does not fit (the clip name and source file comments identify it).
    /// </summary>
    private static string Reel(TimelineClip clip)
    {
        var reel = clip.ShotId is null
            ? string.Create(CultureInfo.InvariantCulture, $"{clip.SequenceId}T{clip.TakeNumber:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{Digits(clip.SequenceId)}T{clip.TakeNumber:00}S{Digits(clip.ShotId)}");
        reel = reel.ToUpperInvariant();
        return reel.Length <= 8 && reel.All(char.IsAsciiLetterOrDigit) ? reel : "AX";
    }

    /// <summary>The trailing digits of an id (<c>SEQ04</c> → <c>04</c>), or the id itself when it has none.</summary>
    private static string Digits(string id)
    {
        var start = id.Length;
        while (start > 0 && char.IsAsciiDigit(id[start - 1]))
        {
            start--;
        }

        return start < id.Length ? id[start..] : id;
    }

    private static string Clean(string text, int max)
    {
        var flat = new string(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Trim();
        return flat.Length <= max ? flat : flat[..max];
    }
}
