using System.CommandLine;
using StarSend.Cli.Output;
using StarSend.Core.Errors;

namespace StarSend.Cli.Commands;

/// <summary><c>starsend validate</c>: checks the plan (and settings) and writes nothing; exit 0 or 2.</summary>
internal static class ValidateCommand
{
    public static Command Create(CommandRunner runner)
    {
        var command = new Command("validate", "Check the client plan and settings; nothing is written");
        command.SetAction((parseResult, ct) => runner.RunAsync(parseResult, "validate", async (context, token) =>
        {
            using var session = ProjectSession.Open(context);
            var plan = session.Plan;
            token.ThrowIfCancellationRequested();
            if (context.Json)
            {
                await JsonOutput.WriteAsync(context.Out, new
                {
                    Valid = true,
                    plan.Project,
                    Sequences = plan.Sequences.Count,
                    Shots = plan.Sequences.Sum(s => s.Shots.Count),
                    Elements = plan.Elements.Count,
                    Warnings = session.Warnings.Select(w => new { w.Path, w.Reason }),
                });
                return ExitCodes.Ok;
            }

            foreach (var warning in session.Warnings)
            {
                await context.Out.WriteLineAsync($"warning: {warning.Path}: {warning.Reason}");
            }

            await context.Out.WriteLineAsync(
                $"client_plan.json is valid: {plan.Sequences.Count} sequences, {plan.Sequences.Sum(s => s.Shots.Count)} shots, {plan.Elements.Count} elements, " +
                $"{plan.Sequences.Count(s => !Core.Providers.VideoModels.VideoModelCatalog.For(Core.Providers.VideoModels.SequenceModelCheck.ModelFor(s, session.Settings.VideoModel), session.Settings.RetiredModels()).FitsOneCall(s))} per-shot only");
            return ExitCodes.Ok;
        }, ct, readOnly: true));
        return command;
    }
}
