using System.CommandLine;
using StarSend.Core.Errors;
using StarSend.Core.Sequences;

namespace StarSend.Cli.Commands;

/// <summary>
/// <c>starsend omit SEQ...</c> cuts sequences from the edit (out of coverage, <c>--all</c>/<c>--section</c> batches
/// and the cost to finish; nothing is deleted); <c>starsend restore SEQ...</c> puts them back.
/// </summary>
internal static class OmitCommand
{
    public static Command Create(CommandRunner runner, bool restore)
    {
        var name = restore ? "restore" : "omit";
        var ids = new Argument<string[]>("SEQ") { Description = "Sequence ids", Arity = ArgumentArity.OneOrMore };
        var command = new Command(name, restore
            ? "Put omitted sequences back into the edit"
            : "Cut sequences from the edit: left out of coverage, batches and the cost to finish (nothing is deleted)");
        command.Arguments.Add(ids);
        command.SetAction((parseResult, ct) => runner.RunAsync(parseResult, name, async (context, token) =>
        {
            using var session = ProjectSession.Open(context);
            var csr = session.CreateRunner(new SessionOptions());
            var decision = new ReviewDecision(restore ? ReviewAction.Restore : ReviewAction.Omit);
            var selected = csr.Select(parseResult.GetValue(ids) ?? [], null, false);
            foreach (var id in selected)
            {
                await csr.ReviewAsync(id, decision, ReviewStamp.CurrentUser, token);
                await context.Out.WriteLineAsync($"{id}: {(restore ? "restored" : "omitted")}");
            }

            return ExitCodes.Ok;
        }, ct));
        return command;
    }
}
