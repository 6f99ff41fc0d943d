using StarSend.Cli.Output;
using StarSend.Core.Workflow;

namespace StarSend.Cli.Commands;

/// <summary>The summary a batch command prints: each sequence's outcome, and the exit code of the worst one.</summary>
internal static class OutcomeReport
{
    public static async Task<int> WriteAsync(RunContext context, IReadOnlyList<SequenceOutcome> outcomes)
    {
        var exitCode = BatchRunner.ExitCodeOf(outcomes);
        if (context.Json)
        {
            await JsonOutput.WriteAsync(context.Out, new { RunId = context.RunId, ExitCode = exitCode, Outcomes = outcomes });
            return exitCode;
        }

        var rows = outcomes.Select(o => (IReadOnlyList<string>)[o.SequenceId, o.Succeeded ? "ok" : $"failed ({o.ExitCode})", StateText(o), TextTable.Money(o.CostUsd), o.Message]);
        await context.Out.WriteAsync(TextTable.Render(["SEQ", "RESULT", "STATE", "COST", "DETAIL"], rows));
        var failed = outcomes.Count(o => !o.Succeeded);
        await context.Out.WriteLineAsync($"{outcomes.Count - failed} of {outcomes.Count} done, cost {TextTable.Money(outcomes.Sum(o => o.CostUsd))} (run {context.RunId})");
        return exitCode;
    }

    private static string StateText(SequenceOutcome o) => StarSend.Core.Sequences.SequenceWorkflow.StateName(o.State);
}
