using System.Globalization;
using System.Text;
using System.Text.Json;
using StarSend.Export.Timeline;

namespace StarSend.Export.Formats;

/// <summary>
/// OpenTimelineIO JSON: a <c>Timeline.1</c> whose <c>Stack.1</c> holds a Video <c>Track.1</c> of <c>Clip.2</c> and
/// <c>Gap.1</c> items (each gap with a red <c>Marker.2</c> saying why) and, when the plan names the song's audio, an
/// Audio track with the song. Times are <c>RationalTime.1</c> at the plan's rate, whole frames. StarSend's facts (run
/// ids, prompts, cost) go under <c>metadata.starsend</c>, as OTIO asks of adapters.
/// </summary>
internal static class OtioWriter
{
    public static string Write(EditTimeline timeline)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("OTIO_SCHEMA", "Timeline.1");
            json.WriteStartObject("metadata");
            json.WriteStartObject("starsend");
            json.WriteString("project", timeline.Project);
            json.WriteString("song", timeline.SongTitle);
            json.WriteString("export_run_id", timeline.ExportRunId);
            json.WriteNumber("fps", timeline.Rate.PerSecond);
            json.WriteNumber("total_take_cost_usd", timeline.Clips.DistinctBy(c => (c.SequenceId, c.TakeNumber)).Sum(c => c.TakeCostUsd));
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteString("name", timeline.Project);
            json.WritePropertyName("global_start_time");
            Time(json, timeline.Rate, 0);
            json.WriteStartObject("tracks");
            json.WriteString("OTIO_SCHEMA", "Stack.1");
            Common(json, "tracks");
            json.WriteNull("source_range");
            json.WriteStartArray("children");
            VideoTrack(json, timeline);
            if (timeline.Audio is { } audio)
            {
                AudioTrack(json, timeline, audio);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void VideoTrack(Utf8JsonWriter json, EditTimeline timeline)
    {
        json.WriteStartObject();
        json.WriteString("OTIO_SCHEMA", "Track.1");
        Common(json, "V1");
        json.WriteString("kind", "Video");
        json.WriteNull("source_range");
        json.WriteStartArray("children");
        foreach (var item in timeline.Items)
        {
            if (item is TimelineClip clip)
            {
                Clip(json, timeline.Rate, clip);
            }
            else if (item is TimelineGap gap)
            {
                Gap(json, timeline.Rate, gap);
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void AudioTrack(Utf8JsonWriter json, EditTimeline timeline, SongAudio audio)
    {
        json.WriteStartObject();
        json.WriteString("OTIO_SCHEMA", "Track.1");
        Common(json, "A1");
        json.WriteString("kind", "Audio");
        json.WriteNull("source_range");
        json.WriteStartArray("children");
        json.WriteStartObject();
        json.WriteString("OTIO_SCHEMA", "Clip.2");
        json.WriteString("name", timeline.SongTitle);
        json.WriteStartObject("metadata");
        json.WriteStartObject("starsend");
        json.WriteString("song_audio", audio.ProjectFile);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteBoolean("enabled", true);
        json.WriteStartArray("effects");
        json.WriteEndArray();
        json.WriteStartArray("markers");
        json.WriteEndArray();
        json.WritePropertyName("source_range");
        Range(json, timeline.Rate, 0, audio.Duration);
        Reference(json, timeline.Rate, audio.File, audio.Duration);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Clip(Utf8JsonWriter json, FrameRate rate, TimelineClip clip)
    {
        json.WriteStartObject();
        json.WriteString("OTIO_SCHEMA", "Clip.2");
        json.WriteString("name", clip.Name);
        json.WriteStartObject("metadata");
        json.WriteStartObject("starsend");
        json.WriteString("sequence", clip.SequenceId);
        json.WriteString("section", clip.Section);
        json.WriteNumber("take", clip.TakeNumber);
        if (clip.ShotId is not null)
        {
            json.WriteString("shot", clip.ShotId);
        }

        json.WriteString("status", clip.Status);
        json.WriteString("run_id", clip.RunId);
        json.WriteString("file", clip.ProjectFile);
        if (clip.Model is not null)
        {
            json.WriteString("model", clip.Model);
        }

        json.WriteNumber("take_cost_usd", clip.TakeCostUsd);
        json.WriteStartArray("prompts");
        foreach (var prompt in clip.Prompts)
        {
            json.WriteStringValue(prompt);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteBoolean("enabled", true);
        json.WriteStartArray("effects");
        json.WriteEndArray();
        json.WriteStartArray("markers");
        json.WriteEndArray();
        json.WritePropertyName("source_range");
        Range(json, rate, clip.SourceStart, clip.Duration);
        Reference(json, rate, clip.File, clip.SourceDuration);
        json.WriteEndObject();
    }

    private static void Gap(Utf8JsonWriter json, FrameRate rate, TimelineGap gap)
    {
        json.WriteStartObject();
        json.WriteString("OTIO_SCHEMA", "Gap.1");
        json.WriteString("name", $"GAP {rate.Timecode(gap.Start)}-{rate.Timecode(gap.End)}");
        json.WriteStartObject("metadata");
        json.WriteStartObject("starsend");
        json.WriteString("gap", gap.Reason);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteBoolean("enabled", true);
        json.WriteStartArray("effects");
        json.WriteEndArray();
        json.WriteStartArray("markers");
        json.WriteStartObject();
        json.WriteString("OTIO_SCHEMA", "Marker.2");
        json.WriteString("name", "GAP");
        json.WriteStartObject("metadata");
        json.WriteEndObject();
        json.WriteString("color", "RED");
        json.WriteString("comment", gap.Reason);
        json.WritePropertyName("marked_range");
        Range(json, rate, 0, gap.Duration);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WritePropertyName("source_range");
        Range(json, rate, 0, gap.Duration);
        json.WriteEndObject();
    }

    private static void Reference(Utf8JsonWriter json, FrameRate rate, string file, long frames)
    {
        json.WriteString("active_media_reference_key", "DEFAULT_MEDIA");
        json.WriteStartObject("media_references");
        json.WriteStartObject("DEFAULT_MEDIA");
        json.WriteString("OTIO_SCHEMA", "ExternalReference.1");
        json.WriteString("name", Path.GetFileName(file));
        json.WriteStartObject("metadata");
        json.WriteEndObject();
        json.WritePropertyName("available_range");
        Range(json, rate, 0, frames);
        json.WriteNull("available_image_bounds");
        json.WriteString("target_url", MediaUrl.Of(file));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Common(Utf8JsonWriter json, string name)
    {
        json.WriteString("name", name);
        json.WriteStartObject("metadata");
        json.WriteEndObject();
        json.WriteBoolean("enabled", true);
        json.WriteStartArray("effects");
        json.WriteEndArray();
        json.WriteStartArray("markers");
        json.WriteEndArray();
    }

    private static void Range(Utf8JsonWriter json, FrameRate rate, long start, long duration)
    {
        json.WriteStartObject();
        json.WriteString("OTIO_SCHEMA", "TimeRange.1");
        json.WritePropertyName("duration");
        Time(json, rate, duration);
        json.WritePropertyName("start_time");
        Time(json, rate, start);
        json.WriteEndObject();
    }

    private static void Time(Utf8JsonWriter json, FrameRate rate, long frames)
    {
        json.WriteStartObject();
        json.WriteString("OTIO_SCHEMA", "RationalTime.1");
        json.WritePropertyName("rate");
        json.WriteRawValue(Double(rate.PerSecond));
        json.WritePropertyName("value");
        json.WriteRawValue(Double(frames));
        json.WriteEndObject();
    }

    /// <summary>A JSON number that reads back as a double in OTIO's typed reader ("24.0", not "24").</summary>
    private static string Double(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }
}
