using System.CommandLine;
using StarSend.Cli.Output;
using StarSend.Core.Errors;
using StarSend.Export.RoughCut;
using StarSend.Export.Timeline;

namespace StarSend.Cli.Commands;

/// <summary><c>starsend roughcut [--out FILE]</c>: one MP4 of the approved takes over the song, black in the gaps (needs ffmpeg).</summary>
internal static class RoughCutCommand
{
    public static Command Create(CommandRunner runner)
    {
        var output = new Option<string?>("--out") { Description = "MP4 to write (default: exports/<run id>_roughcut.mp4 in the project)" };
        var command = new Command("roughcut", "Render the approved takes at their times over the song into one MP4 (needs ffmpeg)");
        command.Options.Add(output);
        command.SetAction((parseResult, ct) => runner.RunAsync(parseResult, "roughcut", async (context, token) =>
        {
            var ffmpeg = MediaTools.FindFfmpegFolder(context.Host.Environment.GetValueOrDefault("PATH"))
                ?? throw new MissingToolException(MediaTools.InstallHint);
            using var session = ProjectSession.Open(context);
            var sequences = await session.Sequences.ReadAsync(token);
            var edit = TimelineBuilder.Build(session.Plan, sequences, OmittedSequences.Of(sequences), context.Paths.Root, context.RunId);
            var file = ExportCommand.OutputFile(context, parseResult.GetValue(output), "roughcut.mp4");
            await RoughCutRenderer.RenderAsync(edit, file, ffmpeg, token);
            context.Log.Information("Rough cut {File}: {Clips} clips, {Gaps} gaps, {Frames} frames", file, edit.Clips.Count(), edit.Gaps.Count(), edit.Duration);
            if (context.Json)
            {
                await JsonOutput.WriteAsync(context.Out, new { File = file, Clips = edit.Clips.Count(), Gaps = edit.Gaps.Count(), DurationS = edit.Rate.SecondsOf(edit.Duration), Audio = edit.Audio?.ProjectFile });
            }
            else
            {
                await context.Out.WriteLineAsync($"{file}: {edit.Clips.Count()} clip(s), {edit.Gaps.Count()} gap(s) in black, {edit.Rate.Timecode(edit.Duration)} over {edit.Audio?.ProjectFile ?? "silence (no song.audio in the plan)"}");
            }

            return ExitCodes.Ok;
        }, ct));
        return command;
    }
}
