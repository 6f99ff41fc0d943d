using System.CommandLine;
using StarSend.Cli.Logging;
using StarSend.Cli.Output;
using StarSend.Core.Errors;
using StarSend.Core.Steps;
using StarSend.Core.Workflow;

namespace StarSend.Cli.Commands;

/// <summary>
/// <c>starsend run (SEQ... | --section NAME | --all) [--pick CELL|auto] [--until grid|pick|analyze|generate] [--again] [--dry-run] [--yes]</c>
/// (issue #15): walks grid → pick → generate for each sequence, doing only what is missing; a re-run resumes.
/// </summary>
internal static class RunCommand
{
    private static readonly string[] Steps = ["grid", "pick", "analyze", "generate"];

    public static Command Create(CommandRunner runner)
    {
        var batch = new BatchOptions();
        var pick = new Option<string>("--pick") { Description = "The cell to pick where none is picked: 1-4, r0c0..r1c1, or auto (ranked; see README)", DefaultValueFactory = _ => "1" };
        var until = new Option<string>("--until") { Description = "Stop every sequence after this step: grid, pick, analyze (analyses the start frame; only this value does) or generate", DefaultValueFactory = _ => "generate" };
        var again = new Option<bool>("--again") { Description = "Also pay for another take of sequences already in review" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the steps that would run, their estimated cost and the budget left; pay nothing" };
        var yes = new Option<bool>("--yes") { Description = "Accept dropped elements without asking (for scripts)" };
        var resubmit = new Option<bool>("--resubmit") { Description = "Submit again a video call whose submit may have been billed but returned no request id" };
        var command = new Command("run", "Walk grid, pick and generate for sequences, doing only what each still misses; a re-run resumes");
        batch.AddTo(command);
        command.Options.Add(pick);
        command.Options.Add(until);
        command.Options.Add(again);
        command.Options.Add(dryRun);
        command.Options.Add(yes);
        command.Options.Add(resubmit);
        command.SetAction((parseResult, ct) => runner.RunAsync(parseResult, "run", async (context, token) =>
        {
            var request = Request(parseResult.GetValue(pick)!, parseResult.GetResult(pick) is { Implicit: false }, parseResult.GetValue(until)!, parseResult.GetValue(again), parseResult.GetValue(dryRun), parseResult.GetValue(yes), context);
            using var session = ProjectSession.Open(context);
            batch.Check(parseResult, session.Plan);
            var csr = session.CreateRunner(new SessionOptions
            {
                AllowResubmit = parseResult.GetValue(resubmit),
                PayAgain = parseResult.GetValue(again),
                NeedsGemini = !request.DryRun,
                NeedsFal = !request.DryRun && request.Until == RunStep.Generate,
            });
            if (request.Until == RunStep.Analyze && !request.DryRun)
            {
                request = request with { Analyzer = session.CreateStructuredModel() };
            }

            var ids = await csr.SelectForWorkAsync(parseResult.GetValue(batch.Ids) ?? [], parseResult.GetValue(batch.Section), parseResult.GetValue(batch.All), token);
            using var gridSlots = new SemaphoreSlim(Math.Max(1, session.Settings.Concurrency));
            try
            {
                // The one progress view of batch commands; each sequence's full run outcome is kept for the report.
                var runs = new System.Collections.Concurrent.ConcurrentDictionary<string, SequenceRunOutcome>(StringComparer.Ordinal);
                await BatchProgress.RunAsync(
                    context, ids, BatchEstimate.None(ids), Math.Max(1, ids.Count), session.Settings.Concurrency,
                    async (id, progress, t) => (runs[id] = await RunOneAsync(csr, id, request, gridSlots, progress, context, t)).AsOutcome(), token);
                var outcomes = ids.Where(runs.ContainsKey).Select(id => runs[id]).ToList();
                var committed = StepRunner.Committed(await session.Executions.ReadAsync(token));
                return await RunReport.WriteAsync(context, outcomes, request.DryRun, session.Settings.BudgetUsd is { } budget ? budget - committed : null);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                await context.Error.WriteLineAsync($"Stopped. To continue without paying again: starsend run {string.Join(' ', ids)}");
                throw;
            }
        }, ct));
        return command;
    }

    private static RunRequest Request(string pick, bool pickGiven, string until, bool again, bool dryRun, bool yes, RunContext context)
    {
        var step = Array.IndexOf(Steps, until.Trim().ToLowerInvariant());
        if (step < 0)
        {
            throw new BadInputException($"--until '{until}': use grid, pick, analyze or generate");
        }

        if (!string.Equals(pick, "auto", StringComparison.OrdinalIgnoreCase))
        {
            GridCell.Parse(pick, "--pick");
        }

        return new RunRequest
        {
            Pick = pick,
            PickGiven = pickGiven,
            Until = (RunStep)step,
            Generate = new GenerateRequest { Again = again, DryRun = dryRun, Yes = yes, Confirm = context.Host.Confirm },
        };
    }

    private static async Task<SequenceRunOutcome> RunOneAsync(
        ClientSequenceRunner csr, string id, RunRequest request, SemaphoreSlim gridSlots, IProgress<StepProgress> progress, RunContext context, CancellationToken token)
    {
        try
        {
            return await csr.RunPassAsync(id, request, gridSlots, progress, token);
        }
#pragma warning disable CA1031 // One sequence's unexpected failure must not stop the others; it is reported as exit code 1.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            context.Log.ForContext(RunLogging.ReportedProperty, true).Error(ex, "Unexpected failure of {SequenceId}", id);
            return new SequenceRunOutcome(id, ExitCodes.Unexpected, StarSend.Core.Sequences.SequenceState.NotStarted, [], 0, $"unexpected {ex.GetType().Name}: {ex.Message}", $"starsend run {id}");
        }
    }
}
