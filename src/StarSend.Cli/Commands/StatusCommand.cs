using System.CommandLine;
using StarSend.Cli.Output;
using StarSend.Core.Errors;

namespace StarSend.Cli.Commands;

/// <summary><c>starsend status [SEQ] [--json]</c>: the table of sequences.</summary>
internal static class StatusCommand
{
    public static Command Create(CommandRunner runner)
    {
        var sequence = new Argument<string?>("SEQ") { Description = "Only this sequence", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("status", "Show every sequence: state, takes, approved take, cost, last error");
        var coverage = new Option<bool>("--coverage") { Description = "Approved seconds per section, gaps with timecodes, spend so far and to finish" };
        command.Arguments.Add(sequence);
        command.Options.Add(coverage);
        command.SetAction((parseResult, ct) => runner.RunAsync(parseResult, "status", async (context, token) =>
        {
            using var session = ProjectSession.Open(context);
            var doc = await session.Sequences.ReadAsync(token);
            if (parseResult.GetValue(coverage))
            {
                return await CoverageReport.WriteAsync(context, session, doc);
            }

            var only = parseResult.GetValue(sequence);
            if (only is not null && session.Plan.FindSequence(only) is null)
            {
                throw new BadInputException($"unknown sequence '{only}'; the plan has {string.Join(", ", session.Plan.Sequences.Select(s => s.Id))}");
            }

            var rows = session.Plan.Sequences.Where(s => only is null || s.Id == only)
                .Select(s => StatusRow.Of(s, doc.Sequences.GetValueOrDefault(s.Id))).ToList();
            if (context.Json)
            {
                await JsonOutput.WriteAsync(context.Out, new { session.Plan.Project, Sequences = rows, TotalCostUsd = rows.Sum(r => r.CostUsd) });
                return ExitCodes.Ok;
            }

            await context.Out.WriteAsync(TextTable.Render(
                ["SEQ", "SECTION", "TIME", "STATE", "TAKES", "APPROVED", "COST", "LAST ERROR"],
                rows.Select(r => (IReadOnlyList<string>)[
                    r.Id, r.Section, $"{TextTable.Time(r.StartS)}-{TextTable.Time(r.EndS)}", StarSend.Core.Sequences.SequenceWorkflow.StateName(r.State),
                    r.Takes.ToString(System.Globalization.CultureInfo.InvariantCulture), r.ApprovedTake?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-",
                    TextTable.Money(r.CostUsd), r.LastError ?? string.Empty])));
            await context.Out.WriteLineAsync($"{session.Plan.Project}: {rows.Count} sequence(s), total cost {TextTable.Money(rows.Sum(r => r.CostUsd))}");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }
}
