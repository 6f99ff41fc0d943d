using System.CommandLine;
using StarSend.Cli.Output;

namespace StarSend.Cli.Commands;

/// <summary><c>starsend analyze SEQ... | --section NAME | --all [--again]</c>: one vision call per start frame (issue #10).</summary>
internal static class AnalyzeCommand
{
    public static Command Create(CommandRunner runner)
    {
        var batch = new BatchOptions();
        var again = new Option<bool>("--again") { Description = "Also start frames already analysed (pays for another analysis; earlier ones are kept)" };
        var command = new Command("analyze", "Analyse each sequence's start frame: environment, motion elements, what could move (one Gemini vision call each)");
        batch.AddTo(command);
        command.Options.Add(again);
        command.SetAction((parseResult, ct) => runner.RunAsync(parseResult, "analyze", async (context, token) =>
        {
            using var session = ProjectSession.Open(context);
            batch.Check(parseResult, session.Plan);
            var csr = session.CreateRunner(new SessionOptions { NeedsGemini = true });
            var model = session.CreateStructuredModel();
            var ids = await csr.SelectForWorkAsync(parseResult.GetValue(batch.Ids) ?? [], parseResult.GetValue(batch.Section), parseResult.GetValue(batch.All), token);
            var payAgain = parseResult.GetValue(again);
            var outcomes = await BatchProgress.RunAsync(
                context, ids, await csr.EstimateAnalyzeAsync(ids, payAgain, token), session.Settings.Concurrency, session.Settings.Concurrency,
                (id, progress, t) => csr.AnalyzeAsync(id, model, payAgain, progress, t), token);
            return await OutcomeReport.WriteAsync(context, outcomes, "analyze", await session.Sequences.ReadAsync(CancellationToken.None));
        }, ct));
        return command;
    }
}
