using StarSend.Core.Sequences;
using StarSend.Core.Workflow;

namespace StarSend.Cli.Output;

/// <summary>The report <c>starsend run</c> ends with: one row per sequence (steps this run, state, cost, next command).</summary>
internal static class RunReport
{
    /// <summary>Writes the report; returns the exit code of the worst sequence.</summary>
    public static async Task<int> WriteAsync(RunContext context, IReadOnlyList<SequenceRunOutcome> outcomes, bool dryRun, decimal? budgetLeftUsd)
    {
        var exitCode = BatchRunner.ExitCodeOf([.. outcomes.Select(o => o.AsOutcome())]);
        var total = outcomes.Sum(o => o.CostUsd);
        if (context.Json)
        {
            await JsonOutput.WriteAsync(context.Out, new
            {
                context.RunId,
                ExitCode = exitCode,
                DryRun = dryRun,
                Sequences = outcomes.Select(o => new { Id = o.SequenceId, o.ExitCode, State = SequenceWorkflow.StateName(o.State), o.Steps, o.CostUsd, o.Message, o.Next }),
                TotalCostUsd = total,
                BudgetLeftUsd = budgetLeftUsd,
            });
            return exitCode;
        }

        await context.Out.WriteAsync(TextTable.Render(
            ["SEQ", dryRun ? "WOULD RUN" : "STEPS", "STATE", dryRun ? "ESTIMATE" : "COST", "NEXT"],
            outcomes.Select(o => (IReadOnlyList<string>)[
                o.SequenceId,
                o.Steps.Count == 0 ? "-" : string.Join(", ", o.Steps),
                SequenceWorkflow.StateName(o.State) + (o.ExitCode == 0 ? string.Empty : $" (failed {o.ExitCode})"),
                TextTable.Money(o.CostUsd),
                o.Next ?? "-"])));
        foreach (var failed in outcomes.Where(o => o.ExitCode != 0))
        {
            await context.Out.WriteLineAsync($"{failed.SequenceId}: {failed.Message}");
        }

        var budget = budgetLeftUsd is { } left ? $"; budget left {TextTable.Money(left)}" : "; no budget set";
        await context.Out.WriteLineAsync(dryRun
            ? $"dry run: {outcomes.Count} sequence(s), estimated {TextTable.Money(total)}{budget}{(budgetLeftUsd < total ? " (NOT enough)" : string.Empty)}; nothing was sent"
            : $"{outcomes.Count(o => o.ExitCode == 0)} of {outcomes.Count} sequence(s) ok, cost {TextTable.Money(total)}{budget} (run {context.RunId})");
        return exitCode;
    }
}
