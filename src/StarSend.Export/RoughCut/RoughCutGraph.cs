using System.Globalization;
using System.Text;
using StarSend.Export.Timeline;

namespace StarSend.Export.RoughCut;

/// <summary>
/// The ffmpeg filter graph of a rough cut: each clip's file brought to the timeline's rate and frame size (letterboxed,
/// last frame held if the file is short) and cut to its exact frames, black for each gap, all concatenated into
/// <c>[v]</c>; the song (padded with silence, cut at the song's length) or silence into <c>[a]</c>.
/// </summary>
internal static class RoughCutGraph
{
    /// <summary>The graph and the files it reads, in input order (clips first, then the song).</summary>
    public static (string Graph, IReadOnlyList<string> Inputs) Build(EditTimeline timeline, int width, int height)
    {
        var rate = string.Create(CultureInfo.InvariantCulture, $"{timeline.Rate.Numerator}/{timeline.Rate.Denominator}");
        var inputs = new List<string>();
        var graph = new StringBuilder();
        var labels = new StringBuilder();
        var n = 0;
        foreach (var item in timeline.Items)
        {
            var label = $"v{n++}";
            if (item is TimelineClip clip)
            {
                var index = inputs.Count;
                inputs.Add(clip.File);
                graph.Append(CultureInfo.InvariantCulture,
                    $"[{index}:v]fps={rate},tpad=stop=-1:stop_mode=clone,trim=start_frame={clip.SourceStart}:end_frame={clip.SourceStart + clip.Duration},setpts=PTS-STARTPTS,")
                    .Append(CultureInfo.InvariantCulture, $"scale={width}:{height}:force_original_aspect_ratio=decrease,pad={width}:{height}:(ow-iw)/2:(oh-ih)/2,setsar=1,format=yuv420p[{label}];");
            }
            else
            {
                graph.Append(CultureInfo.InvariantCulture,
                    $"color=c=black:s={width}x{height}:r={rate},trim=end_frame={item.Duration},setpts=PTS-STARTPTS,setsar=1,format=yuv420p[{label}];");
            }

            labels.Append('[').Append(label).Append(']');
        }

        graph.Append(labels).Append(CultureInfo.InvariantCulture, $"concat=n={n}:v=1:a=0[v];");
        var seconds = timeline.Rate.SecondsOf(timeline.Duration).ToString("0.######", CultureInfo.InvariantCulture);
        if (timeline.Audio is { } audio)
        {
            graph.Append(CultureInfo.InvariantCulture, $"[{inputs.Count}:a]aresample=48000,apad,atrim=end={seconds},asetpts=PTS-STARTPTS[a]");
            inputs.Add(audio.File);
        }
        else
        {
            graph.Append(CultureInfo.InvariantCulture, $"anullsrc=r=48000:cl=stereo,atrim=end={seconds}[a]");
        }

        return (graph.ToString(), inputs);
    }
}
