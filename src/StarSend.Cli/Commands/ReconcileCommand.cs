using System.CommandLine;
using StarSend.Cli.Output;
using StarSend.Core.Errors;

namespace StarSend.Cli.Commands;

/// <summary><c>starsend reconcile</c>: cross-check sequences.json, executions.json and the files.</summary>
internal static class ReconcileCommand
{
    public static Command Create(CommandRunner runner)
    {
        var command = new Command("reconcile", "Cross-check the sequence states against paid executions and files; repair what can be proven");
        command.SetAction((parseResult, ct) => runner.RunAsync(parseResult, "reconcile", async (context, token) =>
        {
            using var session = ProjectSession.Open(context);
            var findings = await session.CreateRunner(new SessionOptions()).ReconcileAsync(token);
            if (context.Json)
            {
                await JsonOutput.WriteAsync(context.Out, new { Findings = findings });
            }
            else if (findings.Count == 0)
            {
                await context.Out.WriteLineAsync("Everything agrees: states, paid executions and files.");
            }
            else
            {
                await context.Out.WriteAsync(TextTable.Render(["SEQ", "REPAIRED", "FINDING"], findings.Select(f => (IReadOnlyList<string>)[f.SequenceId, f.Repaired ? "yes" : "no", f.Finding])));
            }

            return ExitCodes.Ok;
        }, ct));
        return command;
    }
}
