using System.CommandLine;
using StarSend.Core.Errors;

namespace StarSend.Cli.Commands;

/// <summary><c>starsend board [--out FILE]</c>: writes the Sequence Board page.</summary>
internal static class BoardCommand
{
    public static Command Create(CommandRunner runner)
    {
        var output = new Option<string?>("--out") { Description = "Where to write the page (default: review/board.html in the project)" };
        var command = new Command("board", "Write the Sequence Board: the song's timeline with every sequence, coverage and costs (one HTML file)");
        command.Options.Add(output);
        command.SetAction((parseResult, ct) => runner.RunAsync(parseResult, "board", async (context, token) =>
        {
            using var session = ProjectSession.Open(context);
            var project = await ReviewPages.ReadAsync(session, token);
            var file = await ReviewPages.WriteBoardAsync(context, project, ReviewPages.OutFile(context, parseResult.GetValue(output), ReviewPages.DefaultBoard(context)), token);
            await context.Out.WriteLineAsync($"Board: {file}");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }
}
