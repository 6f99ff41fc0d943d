using System.CommandLine;
using StarSend.Core.Errors;
using StarSend.Core.Sequences;

namespace StarSend.Cli.Commands;

/// <summary><c>starsend review SEQ --take N (--retake REASON | --hold | --note TEXT)</c>, and <c>review import FILE</c>.</summary>
internal static class ReviewCommand
{
    public static Command Create(CommandRunner runner)
    {
        var sequence = new Argument<string>("SEQ") { Description = "Sequence id" };
        var take = new Option<int?>("--take") { Description = "The take" };
        var retake = new Option<string?>("--retake") { Description = "Send the take back for a retake, with the reason" };
        var hold = new Option<bool>("--hold") { Description = "Put the take on hold" };
        var note = new Option<string?>("--note") { Description = "Add a note to the take" };
        var command = new Command("review", "Record a review decision on a take (retake with a reason, hold, note); 'review import FILE' applies a decisions file");
        command.Arguments.Add(sequence);
        command.Options.Add(take);
        command.Options.Add(retake);
        command.Options.Add(hold);
        command.Options.Add(note);
        command.Subcommands.Add(ReviewImportCommand.Create(runner, sequence));
        command.Validators.Add(r =>
        {
            if (r.GetResult(take) is null)
            {
                r.AddError("review needs --take N");
            }

            if ((r.GetResult(retake) is null ? 0 : 1) + (r.GetValue(hold) ? 1 : 0) + (r.GetResult(note) is null ? 0 : 1) != 1)
            {
                r.AddError("review needs exactly one of --retake REASON, --hold or --note TEXT");
            }
        });
        command.SetAction((parseResult, ct) => runner.RunAsync(parseResult, "review", async (context, token) =>
        {
            using var session = ProjectSession.Open(context);
            var csr = session.CreateRunner(new SessionOptions());
            var id = parseResult.GetValue(sequence)!;
            var number = parseResult.GetValue(take)!.Value;
            var decision = parseResult.GetValue(retake) is { } reason ? new ReviewDecision(ReviewAction.Retake, number, reason)
                : parseResult.GetValue(note) is { } text ? new ReviewDecision(ReviewAction.Note, number, text)
                : new ReviewDecision(ReviewAction.Hold, number);
            var record = await csr.ReviewAsync(id, decision, ReviewStamp.CurrentUser, token);
            var after = record.Takes.First(t => t.Number == number);
            var status = System.Text.Json.JsonSerializer.Serialize(SequenceReview.StatusOf(record, after), StarSend.Core.Json.StarSendJson.Options).Trim('"');
            if (context.Json)
            {
                await Output.JsonOutput.WriteAsync(context.Out, new { Sequence = id, Take = number, ReviewStatus = status, record.History[^1].Action });
            }
            else
            {
                await context.Out.WriteLineAsync($"{id} take {number}: {status}{(decision.Action == ReviewAction.Note ? " (note added)" : string.Empty)}");
            }

            return ExitCodes.Ok;
        }, ct));
        return command;
    }
}
