using System.CommandLine;
using StarSend.Cli.Output;
using StarSend.Core.Errors;
using StarSend.Core.Sequences;
using StarSend.Core.Workflow;

namespace StarSend.Cli.Commands;

/// <summary><c>starsend reset SEQ --to grid_review | start_frame_approved [--force]</c>: jump back, keeping everything paid (issue #10).</summary>
internal static class ResetCommand
{
    public static Command Create(CommandRunner runner)
    {
        var sequence = new Argument<string>("SEQ") { Description = "The sequence to send back" };
        var to = new Option<string>("--to") { Description = "grid_review (pick again) or start_frame_approved (generate again)", Required = true };
        var force = new Option<bool>("--force") { Description = "Also reset a final sequence" };
        var command = new Command("reset", "Jump a sequence back to grid_review or start_frame_approved; every grid, pick, analysis and take is kept");
        command.Arguments.Add(sequence);
        command.Options.Add(to);
        command.Options.Add(force);
        command.SetAction((parseResult, ct) => runner.RunAsync(parseResult, "reset", async (context, token) =>
        {
            using var session = ProjectSession.Open(context);
            var csr = session.CreateRunner(new SessionOptions());
            var id = parseResult.GetValue(sequence)!;
            csr.Sequence(id);
            var target = ClientSequenceRunner.ParseResetTarget(id, parseResult.GetValue(to)!);
            var before = await csr.GetAsync(id, token);
            var after = await csr.ResetAsync(id, target, parseResult.GetValue(force), token);
            await (context.Json
                ? JsonOutput.WriteAsync(context.Out, new { Sequence = id, From = before.State, after.State, Grids = after.Grids.Count, Takes = after.Takes.Count })
                : context.Out.WriteLineAsync(
                    $"{id}: {SequenceWorkflow.StateName(before.State)} -> {SequenceWorkflow.StateName(after.State)}; kept {after.Grids.Count} grid(s), {after.Takes.Count} take(s), {after.Analyses.Count} analysis(es)"));
            return ExitCodes.Ok;
        }, ct));
        return command;
    }
}
