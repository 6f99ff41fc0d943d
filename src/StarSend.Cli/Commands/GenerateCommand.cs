using System.CommandLine;
using StarSend.Cli.Output;
using StarSend.Core.Errors;
using StarSend.Core.Providers.VideoModels;
using StarSend.Core.Workflow;

namespace StarSend.Cli.Commands;

/// <summary><c>starsend generate SEQ... | --section NAME | --all [--mode] [--dry-run] [--yes] [--resubmit] [--cancel-remote]</c>.</summary>
internal static class GenerateCommand
{
    public static Command Create(CommandRunner runner)
    {
        var batch = new BatchOptions();
        var mode = GenerateModeOption.Create();
        var dryRun = new Option<bool>("--dry-run") { Description = "Print what would be sent and its estimated cost; pay nothing" };
        var yes = new Option<bool>("--yes") { Description = "Accept dropped elements without asking (for scripts)" };
        var resubmit = new Option<bool>("--resubmit") { Description = "Submit again a call whose submit may have been billed but returned no request id" };
        var cancelRemote = new Option<bool>("--cancel-remote") { Description = "On Ctrl+C also cancel the remote jobs (otherwise they keep running and can be resumed)" };
        var again = new Option<bool>("--again") { Description = "Also sequences that already have a take (pays for another take)" };
        var model = new Option<string?>("--model")
        {
            Description = "Video model for this run, provider:model (e.g. leonardo:kling-3.0, fal:fal-ai/kling-video/o3/pro/reference-to-video); overrides video_model",
            HelpName = "ID",
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
            var csr = session.CreateRunner(new SessionOptions { AllowResubmit = parseResult.GetValue(resubmit), PayAgain = parseResult.GetValue(again), NeedsFal = needsFal });
            var ids = await csr.SelectForWorkAsync(parseResult.GetValue(batch.Ids) ?? [], parseResult.GetValue(batch.Section), parseResult.GetValue(batch.All), token);
            var request = new GenerateRequest
            {
                Mode = parseResult.GetValue(mode),
                DryRun = parseResult.GetValue(dryRun),
                Yes = parseResult.GetValue(yes),
                Again = parseResult.GetValue(again),
                Confirm = context.Host.Confirm,
                Model = runModel,
            };
            try
            {
                // Remote jobs are bounded by the StepRunner's job slots (settings.concurrency); sequences only wait on them.
                var outcomes = await BatchProgress.RunAsync(
                    context, ids, await csr.EstimateGenerateAsync(ids, request, token), ids.Count, session.Settings.Concurrency,
                    (id, progress, t) => csr.GenerateAsync(id, request, progress, t), token);
                return await OutcomeReport.WriteAsync(context, outcomes, request.DryRun ? null : "generate", await session.Sequences.ReadAsync(CancellationToken.None));
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
}
