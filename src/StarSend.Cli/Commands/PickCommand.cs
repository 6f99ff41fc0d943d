using System.CommandLine;
using StarSend.Cli.Output;
using StarSend.Core.Workflow;

namespace StarSend.Cli.Commands;

/// <summary><c>starsend pick SEQ CELL [--grid N] [--shot ID]</c>.</summary>
internal static class PickCommand
{
    public static Command Create(CommandRunner runner)
    {
        var sequence = new Argument<string>("SEQ") { Description = "Sequence id" };
        var cell = new Argument<string>("CELL") { Description = "r0c0, r0c1, r1c0, r1c1, or 1-4 in reading order" };
        var grid = new Option<int?>("--grid") { Description = "Pick from an earlier grid (default: the latest)" };
        var shot = new Option<string?>("--shot") { Description = "Pick the start frame of one shot with own_start_frame" };
        var command = new Command("pick", "Crop a grid cell into the start frame");
        command.Arguments.Add(sequence);
        command.Arguments.Add(cell);
        command.Options.Add(grid);
        command.Options.Add(shot);
        command.SetAction((parseResult, ct) => runner.RunAsync(parseResult, "pick", async (context, token) =>
        {
            using var session = ProjectSession.Open(context);
            var csr = session.CreateRunner(new SessionOptions());
            var id = parseResult.GetValue(sequence)!;
            var picked = GridCell.Parse(parseResult.GetValue(cell)!, id);
            var shotId = parseResult.GetValue(shot);
            var record = await csr.PickAsync(id, picked, parseResult.GetValue(grid), shotId, token);
            var frame = shotId is null ? record.StartFrame! : record.ShotStartFrames[shotId];
            if (context.Json)
            {
                await JsonOutput.WriteAsync(context.Out, new { Sequence = id, Shot = shotId, Cell = picked.ToString(), StartFrame = frame, record.State });
            }
            else
            {
                await context.Out.WriteLineAsync($"{id}{(shotId is null ? string.Empty : $" {shotId}")}: start frame {frame.File} ({frame.Width}x{frame.Height}) from grid {frame.Grid} cell {picked}");
            }

            return 0;
        }, ct));
        return command;
    }
}
