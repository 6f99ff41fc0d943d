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
        var command = new Command("approve", "Approve a take, or mark the approved take final");
        command.Arguments.Add(sequence);
        command.Options.Add(take);
        command.Options.Add(final);
        command.Validators.Add(r =>
        {
            // Presence, not value: reading a value that failed to parse ('--take x') throws instead of reporting.
            if ((r.GetResult(take) is null) == !r.GetValue(final))
            {
                r.AddError("approve needs exactly one of --take N or --final");
            }
        });
        command.SetAction((parseResult, ct) => runner.RunAsync(parseResult, "approve", async (context, token) =>
        {
            using var session = ProjectSession.Open(context);
            var csr = session.CreateRunner(new SessionOptions());
            var id = parseResult.GetValue(sequence)!;
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
