using System.CommandLine;

namespace StarSend.Cli.Commands;

/// <summary>Every verb of <c>starsend</c>, in the order the help lists them, each with the factory of its command.</summary>
/// <remarks>
/// A command line naming one verb builds only that verb's command (<see cref="StarSendApp.Build(CliHost, IReadOnlyList{string}?)"/>,
/// #12): constructing all of them, with their options and the generic code behind them, was a sixth of what
/// <c>starsend status</c> took before it opened the project. Each name must be its command's <see cref="Symbol.Name"/>.
/// </remarks>
internal static class CommandCatalog
{
    // An array walked directly: interface calls on a list of value tuples are generic code ReadyToRun cannot
    // precompile, so they would be JIT-compiled on every start.
    private static readonly (string Verb, Func<CommandRunner, Command> Create)[] All =
    [
        ("init", InitCommand.Create),
        ("validate", ValidateCommand.Create),
        ("status", StatusCommand.Create),
        ("grid", GridCommand.Create),
        ("pick", PickCommand.Create),
        ("analyze", AnalyzeCommand.Create),
        ("generate", GenerateCommand.Create),
        ("run", RunCommand.Create),
        ("reset", ResetCommand.Create),
        ("approve", ApproveCommand.Create),
        ("review", ReviewCommand.Create),
        ("omit", runner => OmitCommand.Create(runner, restore: false)),
        ("restore", runner => OmitCommand.Create(runner, restore: true)),
        ("board", BoardCommand.Create),
        ("dailies", DailiesCommand.Create),
        ("reconcile", ReconcileCommand.Create),
        ("export", ExportCommand.Create),
        ("roughcut", RoughCutCommand.Create),
        ("costs", CostsCommand.Create),
        ("prices", PricesCommand.Create),
        ("doctor", DoctorCommand.Create),
        ("demo", DemoCommand.Create),
        ("emulator", EmulatorCommand.Create),
    ];

    /// <summary>Verb name and the factory of its command, in help order.</summary>
    public static IReadOnlyList<(string Verb, Func<CommandRunner, Command> Create)> Verbs => All;

    /// <summary>Every verb's command, in help order.</summary>
    public static IEnumerable<Command> Create(CommandRunner runner)
    {
        foreach (var (_, create) in All)
        {
            yield return create(runner);
        }
    }

    /// <summary>The factory of <paramref name="verb"/> (exact, case-sensitive like the parser); null when no verb has that name.</summary>
    public static Func<CommandRunner, Command>? Find(string verb)
    {
        foreach (var (name, create) in All)
        {
            if (string.Equals(name, verb, StringComparison.Ordinal))
            {
                return create;
            }
        }

        return null;
    }
}
