using System.CommandLine;
using StarSend.Core.Errors;
using StarSend.Core.Sequences;
using StarSend.Review.Decisions;

namespace StarSend.Cli.Commands;

/// <summary>
/// <c>starsend review import FILE</c>: checks the whole decisions file first (one line per problem with its JSON
/// path, exit 2, nothing applied), then applies every decision in one atomic update of sequences.json.
/// </summary>
internal static class ReviewImportCommand
{
    /// <param name="runner">Runs the command.</param>
    /// <param name="parentSequence">The <c>review</c> command's SEQ argument: given before <c>import</c>, it is refused (the file names the sequences).</param>
    public static Command Create(CommandRunner runner, Argument<string> parentSequence)
    {
        var file = new Argument<string>("FILE") { Description = "decisions.json downloaded from the dailies page" };
        var command = new Command("import", "Apply a decisions file from the dailies page: all of it or, if anything is wrong, none of it");
        command.Arguments.Add(file);
        command.SetAction((parseResult, ct) => runner.RunAsync(parseResult, "review import", async (context, token) =>
        {
            if (parseResult.GetResult(parentSequence) is { Tokens.Count: > 0 } given)
            {
                throw new BadInputException($"review import takes no sequence id (the decisions file names its sequences); remove '{given.Tokens[0].Value}': starsend review import FILE");
            }

            using var session = ProjectSession.Open(context);
            var path = Path.GetFullPath(parseResult.GetValue(file)!, context.Host.CurrentDirectory);
            var name = Path.GetFileName(path);
            byte[] bytes;
            try
            {
                bytes = await File.ReadAllBytesAsync(path, token);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new BadInputException($"cannot read {path}: {ex.Message}", ex);
            }

            var csr = session.CreateRunner(new SessionOptions());
            try
            {
                var (decisions, reviewer) = DecisionsFile.Check(name, bytes, session.Plan, await session.Sequences.ReadAsync(token));
                var source = reviewer is null ? name : $"{name}, reviewer {reviewer}";
                var changed = await csr.ApplyDecisionsAsync(decisions, ReviewStamp.CurrentUser, source, token);
                foreach (var (sequence, decision) in decisions)
                {
                    await context.Out.WriteLineAsync($"{sequence} take {decision.Take}: {System.Text.Json.JsonSerializer.Serialize(decision.Action).Trim('"')}{(decision.Text is null ? string.Empty : $" ({decision.Text})")}");
                }

                await context.Out.WriteLineAsync($"Imported {decisions.Count} decision(s) from {name} into {changed.Count} sequence(s).");
                return ExitCodes.Ok;
            }
            catch (DecisionsInvalidException ex)
            {
                context.Log.ForContext(Logging.RunLogging.ReportedProperty, true).Error("Decisions file {File} refused: {Problems}", ex.File, ex.Problems);
                foreach (var problem in ex.Problems)
                {
                    await context.Error.WriteLineAsync($"Error: {ex.File} {problem.Path}: {problem.Reason}");
                }

                await context.Error.WriteLineAsync($"Error: {ex.File}: nothing was applied");
                return ex.ExitCode;
            }
        }, ct));
        return command;
    }
}
