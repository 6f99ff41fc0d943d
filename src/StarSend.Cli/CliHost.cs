namespace StarSend.Cli;

/// <summary>Everything the CLI takes from its surroundings, so tests can run it in-process with their own writers and clock.</summary>
internal sealed record CliHost
{
    public required TextWriter Out { get; init; }

    public required TextWriter Error { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    public required IReadOnlyDictionary<string, string?> Environment { get; init; }

    public required string CurrentDirectory { get; init; }

    /// <summary>True when stdout is an interactive terminal (live progress, tables, confirmation prompts).</summary>
    public bool IsTerminal { get; init; }

    /// <summary>Asks the producer a yes/no question; null when nobody can answer (scripts, tests).</summary>
    public Func<string, bool>? Confirm { get; init; }

    /// <summary>A copy of the process's environment variables (ordinal names), for <see cref="FromProcess"/>.</summary>
    public static IReadOnlyDictionary<string, string?> ProcessEnvironment()
    {
        // A plain loop: LINQ over DictionaryEntry (a struct) is JIT-compiled on every start, ReadyToRun or not (#12).
        var env = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            env[(string)entry.Key] = (string?)entry.Value;
        }

        return env;
    }

    /// <summary>The process's console, working folder and <paramref name="env"/> (from <see cref="ProcessEnvironment"/>).</summary>
    public static CliHost FromProcess(IReadOnlyDictionary<string, string?> env)
    {
        var interactive = !Console.IsOutputRedirected && !Console.IsInputRedirected;
        return new CliHost
        {
            Out = Console.Out,
            Error = Console.Error,
            Environment = env,
            CurrentDirectory = System.Environment.CurrentDirectory,
            IsTerminal = !Console.IsOutputRedirected,
            Confirm = interactive ? AskOnConsole : null,
        };
    }

    private static bool AskOnConsole(string question)
    {
        Console.Error.Write($"{question} [y/N] ");
        var answer = Console.ReadLine();
        return answer is not null && answer.Trim().StartsWith('y');
    }
}
