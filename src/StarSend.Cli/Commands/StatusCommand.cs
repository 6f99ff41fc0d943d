using System.CommandLine;
using StarSend.Cli.Output;
using StarSend.Core.Errors;
using StarSend.Core.Workflow;

namespace StarSend.Cli.Commands;

/// <summary><c>starsend status [SEQ] [--json]</c>: the table of sequences.</summary>
internal static class StatusCommand
{
    public static Command Create(CommandRunner runner)
    {
        var sequence = new Argument<string?>("SEQ") { Description = "Only this sequence", Arity = ArgumentArity.ZeroOrOne };
        var run = new Option<string?>("--run") { Description = "List every file and paid call of one pass (its run id, shown by 'status SEQ')" };
        var command = new Command("status", "Show every sequence: state, takes, approved take, cost, last error");
        var coverage = new Option<bool>("--coverage") { Description = "Approved seconds per section, gaps with timecodes, spend so far and to finish" };
        command.Arguments.Add(sequence);
        command.Options.Add(coverage);
        command.Options.Add(run);
        // The project is read once (#12): its plan and settings on a second thread since the start of the process, the
        // state files here. Element images are checked for presence only, so status loads no imaging.
        command.SetAction((parseResult, ct) => runner.RunAsync(parseResult, "status", (context, token) => WriteAsync(context, parseResult, token), ct, readOnly: true));
        return command;

        async Task<int> WriteAsync(RunContext context, ParseResult parseResult, CancellationToken token)
        {
            var read = await ReadOnlyProject.ReadAsync(context.Paths, context.Host, token);
            using var session = ProjectSession.Open(context, read.Documents);
            StartupDiagnostics.Mark("opened");
            var doc = read.Sequences;
            if (parseResult.GetValue(coverage))
            {
                return await CoverageReport.WriteAsync(context, session, doc, read.Executions);
            }

            var only = parseResult.GetValue(sequence);
            if (parseResult.GetValue(run) is { } runId)
            {
                return only is not null
                    ? throw new BadInputException("give either a sequence or --run RUN_ID, not both")
                    : await PassListing.WriteAsync(context, PassContents.Of(runId, context.Paths, doc, read.Executions));
            }

            if (only is not null && session.Plan.FindSequence(only) is null)
            {
                throw new BadInputException($"unknown sequence '{only}'; the plan has {string.Join(", ", session.Plan.Sequences.Select(s => s.Id))}");
            }

            var ledger = SequenceLedger.CostBySequence(session.Plan, read.Executions);
            var rows = session.Plan.Sequences.Where(s => only is null || s.Id == only)
                .Select(s => StatusRow.Of(s, doc.Sequences.GetValueOrDefault(s.Id), ledger.GetValueOrDefault(s.Id))).ToList();
            if (context.Json)
            {
                if (only is not null && doc.Sequences.GetValueOrDefault(only) is { } one)
                {
                    // status SEQ --json adds the sequence's review: each take's status and the history (additive keys).
                    await JsonOutput.WriteAsync(context.Out, new
                    {
                        session.Plan.Project, Sequences = rows, TotalCostUsd = rows.Sum(r => r.CostUsd), one.Omitted,
                        TakeReviews = one.Takes.Select(t => new { Take = t.Number, Status = StarSend.Core.Sequences.SequenceReview.StatusOf(one, t), t.RetakeReason }),
                        one.History,
                        Models = StarSend.Core.Sequences.ModelFallbacks.Of(one),
                        Analysis = one.Analyses.LastOrDefault() is { } analysis
                            ? new { analysis.Number, Stale = StarSend.Core.Analysis.AnalysisStatus.Current(one, context.Paths) is null, analysis.StartFrameFile, analysis.Model, analysis.CostUsd, analysis.Answer }
                            : null,
                    });
                    return ExitCodes.Ok;
                }

                await JsonOutput.WriteAsync(context.Out, new { session.Plan.Project, Sequences = rows, TotalCostUsd = rows.Sum(r => r.CostUsd) });
                return ExitCodes.Ok;
            }

            await context.Out.WriteAsync(TextTable.Render(
                ["SEQ", "SECTION", "TIME", "STATE", "TAKES", "APPROVED", "COST", "LAST ERROR"],
                rows.Select(r => (IReadOnlyList<string>)[
                    r.Id, r.Section, $"{TextTable.Time(r.StartS)}-{TextTable.Time(r.EndS)}", StarSend.Core.Sequences.SequenceWorkflow.StateName(r.State),
                    r.Takes.ToString(System.Globalization.CultureInfo.InvariantCulture), r.ApprovedTake?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-",
                    TextTable.Money(r.CostUsd), r.LastError ?? string.Empty])));
            if (only is not null)
            {
                await context.Out.WriteLineAsync(rows[0].PassRunId is { } pass
                    ? $"{only} pass {pass}: every file of the pass starts with it ('starsend status --run {pass}' lists them)"
                    : $"{only} has no pass yet (its next grid or generate starts one)");
                var detail = doc.Sequences.GetValueOrDefault(only) ?? new StarSend.Core.Sequences.SequenceRecord { Id = only };
                if (detail.StartFrame is { Auto: true } auto)
                {
                    await context.Out.WriteLineAsync($"{only} start frame r{auto.Row}c{auto.Col} of grid {auto.Grid} was picked by run ({auto.AutoReason}); 'starsend pick {only} CELL' re-picks from the same grid for free");
                }

                await context.Out.WriteLineAsync(StarSend.Core.Analysis.AnalysisStatus.Describe(detail, context.Paths));
                if (StarSend.Core.Sequences.PromptChanges.Describe(detail) is { } changes)
                {
                    await context.Out.WriteLineAsync(changes);
                }

                if (StarSend.Core.Sequences.ModelFallbacks.Describe(detail) is { } fallbacks)
                {
                    await context.Out.WriteLineAsync(fallbacks);
                }

                if (detail.Grids.LastOrDefault() is { RejectedCalls.Count: > 0 } grid)
                {
                    await context.Out.WriteLineAsync($"{only} grid {grid.Number} ({grid.Kind}): image calls not kept, not a 2x2 grid: {string.Join("; ", grid.RejectedCalls)}");
                }
            }

            var total = 0m;
            foreach (var row in rows)
            {
                total += row.CostUsd;
            }

            await context.Out.WriteLineAsync($"{session.Plan.Project}: {rows.Count} sequence(s), total cost {TextTable.Money(total)}");
            if (only is not null)
            {
                await ReviewHistory.WriteAsync(context.Out, doc.Sequences.GetValueOrDefault(only) ?? new StarSend.Core.Sequences.SequenceRecord { Id = only });
            }
            return ExitCodes.Ok;
        }
    }
}
