using System.CommandLine;
using StarSend.Cli.Commands;
using StarSend.Core.Errors;

namespace StarSend.Cli;

/// <summary>Builds the <c>starsend</c> command tree and runs it; usage errors are exit code 2.</summary>
internal static class StarSendApp
{
    /// <summary>
    /// The command tree: the root with the global options and every verb, or, when <paramref name="args"/> name a verb
    /// after the global options (<see cref="InvocationVerb"/>), that verb alone, which parses, helps and fails on
    /// that line exactly as the whole tree does (#12: building every verb was a sixth of a <c>status</c> run).
    /// </summary>
    public static RootCommand Build(CliHost host, IReadOnlyList<string>? args = null)
    {
        var globals = new GlobalOptions();
        var root = new RootCommand("StarSend: grids, start frames and video takes for client music videos");
        globals.AddTo(root);
        var runner = new CommandRunner(host, globals);
        if (args is not null && InvocationVerb.FirstWord(args, globals) is { } word && CommandCatalog.Find(word) is { } create)
        {
            root.Subcommands.Add(create(runner));
            return root;
        }

        foreach (var command in CommandCatalog.Create(runner))
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliHost host, CancellationToken cancellationToken = default)
    {
        var root = Build(host, args);
        StartupDiagnostics.Mark("built");
        var parsed = root.Parse(args);
        StartupDiagnostics.Mark("parsed");
        if (parsed.Errors.Count > 0 && UnknownVerb.MessageFor(parsed, root) is { } unknown)
        {
            await host.Error.WriteLineAsync($"Error: {unknown}");
            return ExitCodes.BadInput;
        }

        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                // One line per problem, even when the parser's message lists choices on lines of their own.
                await host.Error.WriteLineAsync($"Error: {string.Join(' ', error.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))}");
            }

            await host.Error.WriteLineAsync("Run 'starsend --help' for usage.");
            return ExitCodes.BadInput;
        }

        var configuration = new InvocationConfiguration
        {
            Output = host.Out,
            Error = host.Error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = TimeSpan.FromSeconds(10),
        };
        return await parsed.InvokeAsync(configuration, cancellationToken);
    }
}
