using System.Globalization;
using FFMpegCore;
using FFMpegCore.Exceptions;
using StarSend.Core.Errors;
using StarSend.Export.Timeline;

namespace StarSend.Export.RoughCut;

/// <summary>
/// Renders an <see cref="EditTimeline"/> into one H.264/AAC MP4 through FFMpegCore and the system's ffmpeg: the
/// approved takes at their times over the song (or silence when the plan names no audio), black where a gap is,
/// exactly the song's length. The frame size is the first clip's (even), so the cut costs no upscaling.
/// </summary>
public static class RoughCutRenderer
{
    /// <summary>Writes the rough cut to <paramref name="outputFile"/> (a temp file beside it, renamed when ffmpeg succeeds).</summary>
    /// <param name="timeline">The edit.</param>
    /// <param name="outputFile">Absolute path of the MP4.</param>
    /// <param name="ffmpegFolder">The folder holding ffmpeg and ffprobe (<see cref="MediaTools.FindFfmpegFolder"/>).</param>
    /// <param name="cancellationToken">Stops ffmpeg.</param>
    /// <exception cref="BadInputException">No approved take on the timeline.</exception>
    /// <exception cref="RoughCutFailedException">ffmpeg failed; the message is its last line, the log has the rest.</exception>
    public static async Task RenderAsync(EditTimeline timeline, string outputFile, string ffmpegFolder, CancellationToken cancellationToken)
    {
        var first = timeline.Clips.FirstOrDefault()
            ?? throw new BadInputException("no approved take to cut: approve a take first ('starsend approve SEQ --take N')");
        var options = new FFOptions { BinaryFolder = ffmpegFolder, TemporaryFilesFolder = Path.GetDirectoryName(outputFile)! };
        var probe = await FFProbe.AnalyseAsync(first.File, ffOptions: options, cancellationToken: cancellationToken);
        var video = probe.PrimaryVideoStream ?? throw new BadInputException($"{first.SequenceId}: '{first.ProjectFile}' has no video stream");
        var width = Math.Max(2, Convert.ToInt32(video.Width, CultureInfo.InvariantCulture) / 2 * 2);
        var height = Math.Max(2, Convert.ToInt32(video.Height, CultureInfo.InvariantCulture) / 2 * 2);
        var (graph, inputs) = RoughCutGraph.Build(timeline, width, height);
        var temp = outputFile + ".partial.mp4";
        var seconds = timeline.Rate.SecondsOf(timeline.Duration).ToString("0.######", CultureInfo.InvariantCulture);
        var arguments = FFMpegArguments.FromFileInput(inputs[0]);
        foreach (var input in inputs.Skip(1))
        {
            arguments = arguments.AddFileInput(input);
        }

        try
        {
            // The token reaches ffmpeg through CancellableThrough, which kills the process.
#pragma warning disable CA2016
            await arguments
                .OutputToFile(temp, overwrite: true, o => o
                    .WithCustomArgument($"-filter_complex \"{graph}\" -map [v] -map [a]")
                    .WithCustomArgument($"-c:v libx264 -preset veryfast -crf 23 -pix_fmt yuv420p -c:a aac -b:a 192k -t {seconds} -movflags +faststart"))
                .CancellableThrough(cancellationToken)
                .ProcessAsynchronously(throwOnError: true, options);
#pragma warning restore CA2016
        }
        catch (Exception ex) when (ex is FFMpegException or Instances.Exceptions.InstanceFileNotFoundException)
        {
            File.Delete(temp);
            var last = ex.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? ex.GetType().Name;
            throw new RoughCutFailedException($"ffmpeg could not make the rough cut: {last}", ex);
        }

        cancellationToken.ThrowIfCancellationRequested();
        File.Move(temp, outputFile, overwrite: true);
    }
}
