using System.CommandLine;
using StarSend.Cli.Output;
using StarSend.Core.Errors;

namespace StarSend.Cli.Commands;

/// <summary><c>starsend approve SEQ --take N | --final</c>.</summary>
internal static class ApproveCommand
{
    public static Command Create(CommandRunner runner)
    {
        var sequence = new Argument<string>("SEQ") { Description = "Sequence id" };
        var take = new Option<int?>("--take") { Description = "The take to approve" };
        var final = new Option<bool>("--final") { Description = "Mark the approved take final" };
        var undo = new Option<bool>("--undo") { Description = "Take back the approval (the sequence returns to review)" };
        var force = new Option<bool>("--force") { Description = "With --undo: also take back a final approval" };
        var command = new Command("approve", "Approve a take, mark the approved take final, or take an approval back (--undo)");
        command.Arguments.Add(sequence);
        command.Options.Add(take);
        command.Options.Add(final);
        command.Options.Add(undo);
        command.Options.Add(force);
        command.Validators.Add(r =>
        {
            // Presence, not value: reading a value that failed to parse ('--take x') throws instead of reporting.
            if ((r.GetResult(take) is null ? 0 : 1) + (r.GetValue(final) ? 1 : 0) + (r.GetValue(undo) ? 1 : 0) != 1)
            {
                r.AddError("approve needs exactly one of --take N, --final or --undo");
            }

            if (r.GetValue(force) && !r.GetValue(undo))
            {
                r.AddError("--force goes with --undo");
            }
        });
        command.SetAction((parseResult, ct) => runner.RunAsync(parseResult, "approve", async (context, token) =>
        {
            using var session = ProjectSession.Open(context);
            var csr = session.CreateRunner(new SessionOptions());
            var id = parseResult.GetValue(sequence)!;
            if (parseResult.GetValue(undo))
            {
                var undone = await csr.GetAsync(id, token);
                var after = await csr.ReviewAsync(id, new StarSend.Core.Sequences.ReviewDecision(StarSend.Core.Sequences.ReviewAction.UndoApprove, Force: parseResult.GetValue(force)), StarSend.Core.Sequences.ReviewStamp.CurrentUser, token);
                await (context.Json
                    ? JsonOutput.WriteAsync(context.Out, new { Sequence = id, after.State, UndoneTake = undone.ApprovedTake })
                    : context.Out.WriteLineAsync($"{id}: approval of take {undone.ApprovedTake} taken back; {StarSend.Core.Sequences.SequenceWorkflow.StateName(after.State)}"));
                return ExitCodes.Ok;
            }

            var record = parseResult.GetValue(take) is { } n
                ? await csr.ApproveTakeAsync(id, n, token)
                : await csr.ApproveFinalAsync(id, token);
            if (context.Json)
            {
                await JsonOutput.WriteAsync(context.Out, new { Sequence = id, record.State, record.ApprovedTake });
            }
            else
            {
                await context.Out.WriteLineAsync($"{id}: take {record.ApprovedTake} {StarSend.Core.Sequences.SequenceWorkflow.StateName(record.State)}");
            }

            return ExitCodes.Ok;
        }, ct));
        return command;
    }
}
