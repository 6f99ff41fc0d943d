using System.CommandLine;
using StarSend.Cli.Output;
using StarSend.Core.Errors;
using StarSend.Export.Formats;
using StarSend.Export.Timeline;
using StarSend.Infrastructure.State;

namespace StarSend.Cli.Commands;

/// <summary><c>starsend export timeline [--format otio|fcpxml|edl] [--out FILE]</c>: the approved takes on the song, for an editor.</summary>
internal static class ExportCommand
{
    public static Command Create(CommandRunner runner)
    {
        var format = ChoiceOption.Create<TimelineFormat>("--format", "otio (default), fcpxml or edl", [new("otio", TimelineFormat.Otio), new("fcpxml", TimelineFormat.Fcpxml), new("edl", TimelineFormat.Edl)]);
        var output = new Option<string?>("--out") { Description = "File to write (default: exports/<run id>_timeline.<format> in the project)" };
        var timeline = new Command("timeline", "Write the approved takes at their sections' times on the song as OTIO, FCPXML or a CMX 3600 EDL");
        timeline.Options.Add(format);
        timeline.Options.Add(output);
        timeline.SetAction((parseResult, ct) => runner.RunAsync(parseResult, "export timeline", async (context, token) =>
        {
            using var session = ProjectSession.Open(context);
            var sequences = await session.Sequences.ReadAsync(token);
            var omitted = OmittedSequences.Of(sequences);
            var edit = TimelineBuilder.Build(session.Plan, sequences, omitted, context.Paths.Root, context.RunId);
            var chosen = parseResult.GetValue(format);
            var file = OutputFile(context, parseResult.GetValue(output), $"timeline{TimelineWriters.Extension(chosen)}");
            await AtomicFile.WriteAllTextAsync(file, TimelineWriters.Write(edit, chosen), token);
            context.Log.Information("Exported {Format} timeline {File}: {Clips} clips, {Gaps} gaps", chosen, file, edit.Clips.Count(), edit.Gaps.Count());
            if (context.Json)
            {
                await JsonOutput.WriteAsync(context.Out, new
                {
                    File = file,
                    Format = chosen.ToString().ToLowerInvariant(),
                    Fps = edit.Rate.PerSecond,
                    DurationFrames = edit.Duration,
                    Clips = edit.Clips.Count(),
                    Gaps = edit.Gaps.Select(g => new { Start = edit.Rate.Timecode(g.Start), End = edit.Rate.Timecode(g.End), g.Reason }),
                    Audio = edit.Audio?.ProjectFile,
                });
                return ExitCodes.Ok;
            }

            await context.Out.WriteLineAsync($"{file}: {edit.Clips.Count()} clip(s) at {edit.Rate} fps over {edit.Rate.Timecode(edit.Duration)}{(edit.Audio is null ? " (no song.audio in the plan)" : $" with {edit.Audio.ProjectFile}")}");
            foreach (var gap in edit.Gaps)
            {
                await context.Out.WriteLineAsync($"  gap {edit.Rate.Timecode(gap.Start)}-{edit.Rate.Timecode(gap.End)}: {gap.Reason}");
            }

            return ExitCodes.Ok;
        }, ct));
        var command = new Command("export", "Export the edit for an editor");
        command.Subcommands.Add(timeline);
        return command;
    }

    /// <summary>The file <c>--out</c> names (relative to the current folder), or <c>exports/&lt;run id&gt;_name</c> in the project.</summary>
    internal static string OutputFile(RunContext context, string? requested, string defaultName)
    {
        var file = requested is null
            ? Path.Combine(context.Paths.Root, "exports", $"{context.RunId}_{defaultName}")
            : Path.GetFullPath(requested, context.Host.CurrentDirectory);
        var folder = Path.GetDirectoryName(file)!;
        if (requested is not null && !Directory.Exists(folder))
        {
            throw new BadInputException($"--out {requested}: folder '{folder}' does not exist");
        }

        Directory.CreateDirectory(folder);
        return file;
    }
}
