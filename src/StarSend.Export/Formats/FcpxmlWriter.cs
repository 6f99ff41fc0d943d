using System.Globalization;
using System.Text;
using System.Xml;
using StarSend.Export.Timeline;

namespace StarSend.Export.Formats;

/// <summary>
/// Final Cut Pro XML 1.9: one <c>format</c> and one <c>asset</c> (with its <c>media-rep</c>) per file in
/// <c>resources</c>; a library, event and project whose sequence's spine holds the clips as <c>asset-clip</c>s and the
/// gaps as <c>gap</c>s with a marker saying why, the song connected below the first spine item on lane -1. Times are
/// rational seconds in whole frames (<c>288/24s</c>, <c>1001/24000s</c>); StarSend's facts go in <c>metadata/md</c>.
/// Element order follows Apple's FCPXML DTD (note, connected clips, markers, metadata).
/// </summary>
internal static class FcpxmlWriter
{
    public static string Write(EditTimeline timeline)
    {
        var rate = timeline.Rate;
        var assets = new Dictionary<string, string>(StringComparer.Ordinal);
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), NewLineChars = "\n" };
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, settings))
        {
            xml.WriteStartDocument();
            xml.WriteDocType("fcpxml", null, null, null);
            xml.WriteStartElement("fcpxml");
            xml.WriteAttributeString("version", "1.9");
            xml.WriteStartElement("resources");
            xml.WriteStartElement("format");
            xml.WriteAttributeString("id", "r1");
            xml.WriteAttributeString("frameDuration", Time(rate, 1));
            xml.WriteAttributeString("width", Int(timeline.Width));
            xml.WriteAttributeString("height", Int(timeline.Height));
            xml.WriteEndElement();
            foreach (var clip in timeline.Clips)
            {
                if (assets.ContainsKey(clip.File))
                {
                    continue;
                }

                var id = $"r{assets.Count + 2}";
                assets[clip.File] = id;
                xml.WriteStartElement("asset");
                xml.WriteAttributeString("id", id);
                xml.WriteAttributeString("name", Path.GetFileNameWithoutExtension(clip.File));
                xml.WriteAttributeString("start", "0s");
                xml.WriteAttributeString("duration", Time(rate, clip.SourceDuration));
                xml.WriteAttributeString("hasVideo", "1");
                xml.WriteAttributeString("format", "r1");
                MediaRep(xml, clip.File);
                xml.WriteEndElement();
            }

            string? audioId = null;
            if (timeline.Audio is { } audio)
            {
                audioId = $"r{assets.Count + 2}";
                xml.WriteStartElement("asset");
                xml.WriteAttributeString("id", audioId);
                xml.WriteAttributeString("name", Path.GetFileNameWithoutExtension(audio.File));
                xml.WriteAttributeString("start", "0s");
                xml.WriteAttributeString("duration", Time(rate, audio.Duration));
                xml.WriteAttributeString("hasAudio", "1");
                xml.WriteAttributeString("audioSources", "1");
                xml.WriteAttributeString("audioChannels", Int(audio.Channels));
                xml.WriteAttributeString("audioRate", Int(audio.SampleRate));
                MediaRep(xml, audio.File);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteStartElement("library");
            xml.WriteStartElement("event");
            xml.WriteAttributeString("name", $"StarSend {timeline.Project}");
            xml.WriteStartElement("project");
            xml.WriteAttributeString("name", $"{timeline.Project} - {timeline.SongTitle}");
            xml.WriteStartElement("sequence");
            xml.WriteAttributeString("format", "r1");
            xml.WriteAttributeString("duration", Time(rate, timeline.Duration));
            xml.WriteAttributeString("tcStart", "0s");
            xml.WriteAttributeString("tcFormat", "NDF");
            xml.WriteAttributeString("audioLayout", "stereo");
            xml.WriteAttributeString("audioRate", "48k");
            xml.WriteElementString("note", $"Exported by StarSend run {timeline.ExportRunId}");
            xml.WriteStartElement("spine");
            var first = true;
            foreach (var item in timeline.Items)
            {
                var song = first && audioId is not null ? timeline.Audio : null;
                if (item is TimelineClip clip)
                {
                    Clip(xml, rate, clip, assets[clip.File], song, audioId);
                }
                else if (item is TimelineGap gap)
                {
                    Gap(xml, rate, gap, song, audioId);
                }

                first = false;
            }

            xml.WriteEndElement();
            Metadata(xml, [("com.starsend.exportRunId", timeline.ExportRunId), ("com.starsend.fps", timeline.Rate.ToString())]);
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void Clip(XmlWriter xml, FrameRate rate, TimelineClip clip, string assetId, SongAudio? song, string? audioId)
    {
        xml.WriteStartElement("asset-clip");
        xml.WriteAttributeString("ref", assetId);
        xml.WriteAttributeString("name", clip.Name);
        xml.WriteAttributeString("offset", Time(rate, clip.Start));
        xml.WriteAttributeString("start", Time(rate, clip.SourceStart));
        xml.WriteAttributeString("duration", Time(rate, clip.Duration));
        xml.WriteAttributeString("format", "r1");
        xml.WriteAttributeString("tcFormat", "NDF");
        xml.WriteElementString("note", string.Join(" | ", clip.Prompts));
        if (song is not null)
        {
            Song(xml, rate, song, audioId!, clip.SourceStart);
        }

        Metadata(xml,
        [
            ("com.starsend.sequence", clip.SequenceId),
            ("com.starsend.section", clip.Section),
            ("com.starsend.take", Int(clip.TakeNumber)),
            ("com.starsend.shot", clip.ShotId),
            ("com.starsend.status", clip.Status),
            ("com.starsend.runId", clip.RunId),
            ("com.starsend.model", clip.Model),
            ("com.starsend.takeCostUsd", clip.TakeCostUsd.ToString(CultureInfo.InvariantCulture)),
            ("com.starsend.prompts", string.Join(" | ", clip.Prompts)),
        ]);
        xml.WriteEndElement();
    }

    private static void Gap(XmlWriter xml, FrameRate rate, TimelineGap gap, SongAudio? song, string? audioId)
    {
        xml.WriteStartElement("gap");
        xml.WriteAttributeString("name", $"GAP {gap.Reason}");
        xml.WriteAttributeString("offset", Time(rate, gap.Start));
        xml.WriteAttributeString("start", "0s");
        xml.WriteAttributeString("duration", Time(rate, gap.Duration));
        if (song is not null)
        {
            Song(xml, rate, song, audioId!, 0);
        }

        xml.WriteStartElement("marker");
        xml.WriteAttributeString("start", "0s");
        xml.WriteAttributeString("duration", Time(rate, 1));
        xml.WriteAttributeString("value", $"GAP: {gap.Reason}");
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Song(XmlWriter xml, FrameRate rate, SongAudio song, string audioId, long parentStart)
    {
        xml.WriteStartElement("asset-clip");
        xml.WriteAttributeString("ref", audioId);
        xml.WriteAttributeString("lane", "-1");
        xml.WriteAttributeString("name", Path.GetFileNameWithoutExtension(song.File));
        xml.WriteAttributeString("offset", Time(rate, parentStart));
        xml.WriteAttributeString("start", "0s");
        xml.WriteAttributeString("duration", Time(rate, song.Duration));
        xml.WriteAttributeString("audioRole", "music");
        xml.WriteEndElement();
    }

    private static void MediaRep(XmlWriter xml, string file)
    {
        xml.WriteStartElement("media-rep");
        xml.WriteAttributeString("kind", "original-media");
        xml.WriteAttributeString("src", MediaUrl.Of(file));
        xml.WriteEndElement();
    }

    private static void Metadata(XmlWriter xml, IEnumerable<(string Key, string? Value)> entries)
    {
        xml.WriteStartElement("metadata");
        foreach (var (key, value) in entries.Where(e => e.Value is not null))
        {
            xml.WriteStartElement("md");
            xml.WriteAttributeString("key", key);
            xml.WriteAttributeString("value", value);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    /// <summary>Whole frames as FCPXML rational seconds: <c>0s</c>, <c>288/24s</c>, <c>1001/24000s</c>.</summary>
    internal static string Time(FrameRate rate, long frames) =>
        frames == 0 ? "0s" : string.Create(CultureInfo.InvariantCulture, $"{frames * rate.Denominator}/{rate.Numerator}s");

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
