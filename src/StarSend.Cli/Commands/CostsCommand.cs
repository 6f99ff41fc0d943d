using System.CommandLine;
using System.Globalization;
using System.Text;
using StarSend.Cli.Output;
using StarSend.Core.Costs;
using StarSend.Core.Errors;

namespace StarSend.Cli.Commands;

/// <summary><c>starsend costs [--by section|sequence|take|model] [--json|--csv]</c>: every paid call's estimate, provider-reported charge and final state, summed.</summary>
internal static class CostsCommand
{
    private static readonly string[] Groupings = ["section", "sequence", "take", "model"];

    public static Command Create(CommandRunner runner)
    {
        var by = new Option<string>("--by") { Description = "Group by section, sequence (default), take or model", DefaultValueFactory = _ => "sequence" };
        by.AcceptOnlyFromAmong(Groupings);
        var csv = new Option<bool>("--csv") { Description = "Comma-separated values with a header line" };
        var command = new Command("costs", "Money per section, sequence, take or model: estimate, provider-reported, and charged / may be charged / lost");
        command.Options.Add(by);
        command.Options.Add(csv);
        command.SetAction((parseResult, ct) => runner.RunAsync(parseResult, "costs", async (context, token) =>
        {
            using var session = ProjectSession.Open(context);
            var sequences = await session.Sequences.ReadAsync(token);
            var entries = CostLedger.Of(await session.Executions.ReadAsync(token), session.Plan, sequences);
            var grouping = parseResult.GetValue(by)!;
            var rows = entries.GroupBy(e => Key(e, grouping)).Select(g => new CostRow(
                g.Key,
                g.Count(),
                g.Sum(e => e.EstimateUsd),
                g.Any(e => e.ReportedUsd is not null) ? g.Sum(e => e.ReportedUsd ?? 0m) : null,
                g.Where(e => e.FinalState == CostStates.Charged).Sum(e => e.SpentUsd),
                g.Where(e => e.FinalState == CostStates.MayBeCharged).Sum(e => e.SpentUsd),
                g.Where(e => e.FinalState == CostStates.PaidResultLost).Sum(e => e.SpentUsd),
                g.Where(e => e.FinalState == CostStates.InFlight).Sum(e => e.SpentUsd),
                g.Sum(e => e.SpentUsd))).ToList();
            var total = entries.Sum(e => e.SpentUsd);
            if (context.Json)
            {
                await JsonOutput.WriteAsync(context.Out, new { By = grouping, Rows = rows, Calls = entries, SpentUsd = total, session.Settings.BudgetUsd });
            }
            else if (parseResult.GetValue(csv))
            {
                var text = new StringBuilder($"{grouping},calls,estimate_usd,reported_usd,charged_usd,may_be_charged_usd,paid_result_lost_usd,in_flight_usd,spent_usd\n");
                foreach (var r in rows)
                {
                    text.Append(CultureInfo.InvariantCulture, $"{Csv(r.Key)},{r.Calls},{r.EstimateUsd},{r.ReportedUsd?.ToString(CultureInfo.InvariantCulture) ?? string.Empty},{r.ChargedUsd},{r.MayBeChargedUsd},{r.PaidResultLostUsd},{r.InFlightUsd},{r.SpentUsd}\n");
                }

                await context.Out.WriteAsync(text.ToString());
            }
            else
            {
                await context.Out.WriteAsync(TextTable.Render(
                    [grouping.ToUpperInvariant(), "CALLS", "ESTIMATE", "REPORTED", "CHARGED", "MAY BE CHARGED", "PAID, LOST", "IN FLIGHT", "SPENT"],
                    rows.Select(r => (IReadOnlyList<string>)[
                        r.Key, r.Calls.ToString(CultureInfo.InvariantCulture), TextTable.Money(r.EstimateUsd), r.ReportedUsd is { } rep ? TextTable.Money(rep) : "-",
                        TextTable.Money(r.ChargedUsd), TextTable.Money(r.MayBeChargedUsd), TextTable.Money(r.PaidResultLostUsd), TextTable.Money(r.InFlightUsd), TextTable.Money(r.SpentUsd)])));
                var budget = session.Settings.BudgetUsd is { } b ? $" of a {TextTable.Money(b)} budget (may-be-charged and in-flight calls count as spent)" : string.Empty;
                await context.Out.WriteLineAsync($"{entries.Count} paid call(s), {TextTable.Money(total)} spent{budget}");
            }

            return ExitCodes.Ok;
        }, ct, readOnly: true));
        return command;
    }

    private static string Key(CostEntry e, string grouping) => grouping switch
    {
        "section" => e.Section ?? "(no section)",
        "take" => $"{e.Sequence ?? e.StepId} {e.Take}",
        "model" => e.Model,
        _ => e.Sequence ?? e.StepId,
    };

    private static string Csv(string value) => value.Contains(',', StringComparison.Ordinal) || value.Contains('"', StringComparison.Ordinal)
        ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
        : value;

    /// <summary>One line of the costs table; money in US dollars.</summary>
    internal sealed record CostRow(string Key, int Calls, decimal EstimateUsd, decimal? ReportedUsd, decimal ChargedUsd, decimal MayBeChargedUsd, decimal PaidResultLostUsd, decimal InFlightUsd, decimal SpentUsd);
}
