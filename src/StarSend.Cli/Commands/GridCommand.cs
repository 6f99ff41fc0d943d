using StarSend.Cli.Logging;
using System.CommandLine;
using StarSend.Cli.Output;
using StarSend.Core.Workflow;

namespace StarSend.Cli.Commands;

/// <summary><c>starsend grid SEQ... | --section NAME | --all</c>.</summary>
internal static class GridCommand
{
    public static Command Create(CommandRunner runner)
    {
        var batch = new BatchOptions();
        var command = new Command("grid", "Generate a 2x2 grid of candidate keyframes for sequences");
        batch.AddTo(command);
        command.SetAction((parseResult, ct) => runner.RunAsync(parseResult, "grid", async (context, token) =>
        {
            using var session = ProjectSession.Open(context);
            var csr = session.CreateRunner(new SessionOptions { NeedsGemini = true });
            var ids = csr.Select(parseResult.GetValue(batch.Ids) ?? [], parseResult.GetValue(batch.Section), parseResult.GetValue(batch.All));
            var progress = new ProgressLines(context.Error, context.Json);
            var outcomes = await BatchRunner.RunAsync(ids, session.Settings.Concurrency, (id, t) => csr.GridAsync(id, progress, t), token, (id, ex) => context.Log.ForContext(RunLogging.ReportedProperty, true).Error(ex, "Unexpected failure of {SequenceId}", id));
            return await OutcomeReport.WriteAsync(context, outcomes);
        }, ct));
        return command;
    }
}
