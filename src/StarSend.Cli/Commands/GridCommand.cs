using System.CommandLine;
using StarSend.Cli.Output;

namespace StarSend.Cli.Commands;

/// <summary><c>starsend grid SEQ... | --section NAME | --all</c>.</summary>
internal static class GridCommand
{
    public static Command Create(CommandRunner runner)
    {
        var batch = new BatchOptions();
        var again = new Option<bool>("--again") { Description = "Also sequences that already have a grid (pays for another; earlier grids are kept)" };
        var command = new Command("grid", "Generate a 2x2 grid of candidate keyframes for sequences");
        batch.AddTo(command);
        command.Options.Add(again);
        command.SetAction((parseResult, ct) => runner.RunAsync(parseResult, "grid", async (context, token) =>
        {
            using var session = ProjectSession.Open(context);
            batch.Check(parseResult, session.Plan);
            var csr = session.CreateRunner(new SessionOptions { NeedsGemini = true });
            var ids = await csr.SelectForWorkAsync(parseResult.GetValue(batch.Ids) ?? [], parseResult.GetValue(batch.Section), parseResult.GetValue(batch.All), token);
            var drawAgain = parseResult.GetValue(again);
            var outcomes = await BatchProgress.RunAsync(
                context, ids, await csr.EstimateGridAsync(ids, drawAgain, token), session.Settings.Concurrency, session.Settings.Concurrency,
                (id, progress, t) => csr.GridAsync(id, drawAgain, progress, t), token);
            return await OutcomeReport.WriteAsync(context, outcomes, "grid", await session.Sequences.ReadAsync(CancellationToken.None));
        }, ct));
        return command;
    }
}
