using System.Text.Json;
using StarSend.Core.Errors;
using StarSend.Core.Plans;

namespace StarSend.Export.Timeline;

/// <summary>
/// The plan fields only the edit uses, read from the fields StarSend keeps but does not model: <c>fps</c>,
/// <c>song.audio</c> and a sequence's <c>omit</c>. Each is optional; a wrong type is one error naming its JSON path.
/// </summary>
public static class PlanExtras
{
    /// <summary>The plan's <c>fps</c> (default 24).</summary>
    public static FrameRate Rate(ClientPlan plan)
    {
        if (plan.Extra?.TryGetValue("fps", out var fps) != true || fps.ValueKind == JsonValueKind.Null)
        {
            return FrameRate.Default;
        }

        if (fps.ValueKind != JsonValueKind.Number)
        {
            throw new BadInputException("client_plan.json $.fps: must be a number of frames per second (24, 25, 23.976...)");
        }

        return FrameRate.FromPlan(fps.GetDouble());
    }

    /// <summary>The project-relative path in <c>song.audio</c>, or null when the plan names none.</summary>
    public static string? AudioPath(ClientPlan plan)
    {
        if (plan.Song.Extra?.TryGetValue("audio", out var audio) != true || audio.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return audio.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(audio.GetString())
            ? audio.GetString()
            : throw new BadInputException("client_plan.json $.song.audio: must be the path of the song's audio file, relative to the project folder");
    }

    /// <summary>
    /// The song audio, checked: the file exists and its bytes are audio.
    /// </summary>
    /// <exception cref="BadInputException">Missing file or not audio, naming <c>$.song.audio</c> and the file.</exception>
    public static SongAudio? Audio(ClientPlan plan, string projectRoot, FrameRate rate)
    {
        var relative = AudioPath(plan);
        if (relative is null)
        {
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(projectRoot, relative));
        if (!File.Exists(full))
        {
            throw new BadInputException($"client_plan.json $.song.audio: file '{relative}' not found in the project folder");
        }

        var sniffed = AudioSniffer.Sniff(full)
            ?? throw new BadInputException($"client_plan.json $.song.audio: '{relative}' is not an audio file (WAV, AIFF, FLAC, MP3, Ogg or M4A)");
        var songFrames = rate.FramesOf(plan.Song.DurationS);
        var frames = sniffed.Seconds is { } seconds ? Math.Min(songFrames, rate.FramesOf(seconds)) : songFrames;
        return new SongAudio(full, relative, sniffed.Kind, sniffed.SampleRate, sniffed.Channels, frames);
    }

    /// <summary>True when the plan marks the sequence <c>"omit": true</c>.</summary>
    public static bool Omitted(PlanSequence sequence) =>
        sequence.Extra?.TryGetValue("omit", out var omit) == true && omit.ValueKind == JsonValueKind.True;
}
