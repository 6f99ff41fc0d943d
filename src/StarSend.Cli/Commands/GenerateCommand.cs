using System.CommandLine;
using StarSend.Cli.Output;
using StarSend.Core.Errors;
using StarSend.Core.Providers.VideoModels;
using StarSend.Core.Workflow;

namespace StarSend.Cli.Commands;

/// <summary><c>starsend generate SEQ... | --section NAME | --all [--mode] [--dry-run] [--yes] [--resubmit] [--cancel-remote] [--prompt] [--prompts-from] [--animate] [--feedback]</c>.</summary>
internal static class GenerateCommand
{
    public static Command Create(CommandRunner runner)
    {
        var batch = new BatchOptions();
        var mode = GenerateModeOption.Create();
        var dryRun = new Option<bool>("--dry-run") { Description = "Print what would be sent and its estimated cost; pay nothing (with --feedback, only its text call is paid, so the rewrite can be shown)" };
        var yes = new Option<bool>("--yes") { Description = "Answer yes without asking (for scripts): to dropped elements, and to a --feedback rewrite before its take is paid" };
        var resubmit = new Option<bool>("--resubmit") { Description = "Submit again a call whose submit may have been billed but returned no request id" };
        var cancelRemote = new Option<bool>("--cancel-remote") { Description = "On Ctrl+C also cancel the remote jobs (otherwise they keep running and can be resumed)" };
        var again = new Option<bool>("--again") { Description = "Also sequences that already have a take (pays for another take; a prompt option alone asks for a new take only when its prompts differ from the latest take's)" };
        var model = new Option<string?>("--model")
        {
            Description = "Video model for this run, provider:model (e.g. leonardo:kling-3.0, fal:fal-ai/kling-video/o3/pro/reference-to-video); overrides video_model and pins it: no fallback to video_models",
            HelpName = "ID",
        };
        var prompt = new Option<string[]>("--prompt")
        {
            Description = "This take's prompt for a shot: SHOT=\"text\" (repeatable), or just \"text\" on a one-shot sequence; the plan is not rewritten",
            AllowMultipleArgumentsPerToken = false,
        };
        var promptsFrom = new Option<string?>("--prompts-from") { Description = "Reuse take N's prompts (N), or each named shot's from a take (1:shot01,2:shot02)", HelpName = "TAKES" };
        var animate = new Option<string?>("--animate") { Description = "Motion elements of the start frame's analysis to animate (indexes or names, e.g. 1,3); the rest go to the negative prompt", HelpName = "ELEMENTS" };
        var feedback = new Option<string?>("--feedback")
        {
            Description = "What should be different (e.g. \"slower camera\"): one Gemini text call rewrites the latest take's shot prompts; shown, then confirmed (--yes) before the take is paid",
            HelpName = "TEXT",
        };
        var command = new Command("generate", "Generate video takes for sequences; a re-run resumes unfinished ones and pays for nothing twice");
        command.Options.Add(again);
        batch.AddTo(command);
        command.Options.Add(mode);
        command.Options.Add(dryRun);
        command.Options.Add(yes);
        command.Options.Add(resubmit);
        command.Options.Add(cancelRemote);
        command.Options.Add(model);
        command.Options.Add(prompt);
        command.Options.Add(promptsFrom);
        command.Options.Add(animate);
        command.Options.Add(feedback);
        command.SetAction((parseResult, ct) => runner.RunAsync(parseResult, "generate", async (context, token) =>
        {
            using var session = ProjectSession.Open(context);
            var runModel = parseResult.GetValue(model);
            if (runModel is not null && VideoModelCatalog.Problem(runModel, session.Settings.RetiredModels()) is { } modelProblem)
            {
                throw new BadInputException($"--model: {modelProblem}");
            }

            // FAL_KEY is needed when any sequence of the plan would go to fal; a Leonardo-only run needs LEONARDO_API_KEY only.
            var needsFal = !parseResult.GetValue(dryRun) && session.Plan.Sequences.Any(s =>
                !VideoModelId.IsLeonardo(SequenceModelCheck.ModelFor(s, session.Settings.VideoModel, runModel)));
            batch.Check(parseResult, session.Plan);
            var csr = session.CreateRunner(new SessionOptions { AllowResubmit = parseResult.GetValue(resubmit), PayAgain = parseResult.GetValue(again), NeedsFal = needsFal, NeedsGemini = parseResult.GetValue(feedback) is not null });
            var ids = await csr.SelectForWorkAsync(parseResult.GetValue(batch.Ids) ?? [], parseResult.GetValue(batch.Section), parseResult.GetValue(batch.All), token);
            var request = new GenerateRequest
            {
                Mode = parseResult.GetValue(mode),
                DryRun = parseResult.GetValue(dryRun),
                Yes = parseResult.GetValue(yes),
                Again = parseResult.GetValue(again),
                Confirm = context.Host.Confirm,
                Model = runModel,
                PromptEdits = PromptEdits(parseResult.GetValue(prompt) ?? []),
                PromptsFrom = parseResult.GetValue(promptsFrom),
                Animate = parseResult.GetValue(animate),
                Feedback = parseResult.GetValue(feedback)?.Trim(),
            };
            if (request.EditsPrompts && ids.Count != 1)
            {
                throw new BadInputException($"--prompt, --prompts-from, --animate and --feedback work on one sequence at a time; {ids.Count} were named");
            }

            if (request.Feedback is not null && (request.PromptEdits.Count > 0 || request.PromptsFrom is not null || request.Animate is not null))
            {
                throw new BadInputException("--feedback rewrites the latest take's prompts; use it without --prompt, --prompts-from and --animate");
            }

            var rewriteCost = 0m;
            if (request.Feedback is not null)
            {
                var rewrite = await FeedbackRewriteStep.RunAsync(context, session, csr, ids[0], request, token);
                if (rewrite.Stop is { } stop)
                {
                    return await OutcomeReport.WriteAsync(context, [stop], "generate", await session.Sequences.ReadAsync(CancellationToken.None));
                }

                (request, rewriteCost) = (rewrite.Request, rewrite.CostUsd);
            }

            try
            {
                // Remote jobs are bounded by the StepRunner's job slots (settings.concurrency); sequences only wait on them.
                var estimate = await csr.EstimateGenerateAsync(ids, request, token);
                var outcomes = await BatchProgress.RunAsync(
                    context, ids, estimate, ids.Count, session.Settings.Concurrency,
                    async (id, progress, t) =>
                    {
                        var outcome = await csr.GenerateAsync(id, request, progress, t);
                        return rewriteCost == 0 ? outcome : outcome with { CostUsd = outcome.CostUsd + rewriteCost, Message = $"{outcome.Message} (feedback rewrite ${rewriteCost:0.0000})" };
                    }, token);
                var exitCode = await OutcomeReport.WriteAsync(context, outcomes, request.DryRun ? null : "generate", await session.Sequences.ReadAsync(CancellationToken.None));
                if (request.DryRun && !context.Json && session.Settings.BudgetUsd is { } budget)
                {
                    // What the budget check would say, before anything is paid (the run refuses what does not fit: exit 5).
                    var committed = Core.Steps.StepRunner.Committed(await session.Executions.ReadAsync(token));
                    var total = committed + estimate.CostUsd;
                    await context.Out.WriteLineAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                        $"Budget ${budget:0.00}: ${committed:0.00} spent or committed + ~${estimate.CostUsd:0.00} for this run = ${total:0.00}{(total > budget ? "; past the budget: the run would refuse what does not fit (exit 5)" : $"; ${budget - total:0.00} left after it")}"));
                }

                return exitCode;
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                if (parseResult.GetValue(cancelRemote))
                {
                    await session.CancelInFlightAsync();
                }

                await context.Error.WriteLineAsync($"Stopped waiting. To resume without paying again: starsend generate {string.Join(' ', ids)}");
                throw;
            }
        }, ct));
        return command;
    }

    /// <summary><c>--prompt shot02="text"</c> values by shot id; a value without <c>SHOT=</c> is keyed by the empty string (the only shot).</summary>
    private static Dictionary<string, string> PromptEdits(IReadOnlyList<string> values)
    {
        var edits = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var eq = value.IndexOf('=', StringComparison.Ordinal);
            var isShot = eq > 0 && value[..eq].All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
            var (shot, text) = isShot ? (value[..eq], value[(eq + 1)..]) : (string.Empty, value);
            if (!edits.TryAdd(shot, text.Trim().Trim('"')))
            {
                throw new BadInputException($"--prompt: {(shot.Length == 0 ? "the only shot" : shot)} is edited twice");
            }
        }

        return edits;
    }
}
