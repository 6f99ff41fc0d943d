using System.CommandLine;

namespace StarSend.Cli;

/// <summary>Options every command takes: --project, --json, --verbose.</summary>
internal sealed class GlobalOptions
{
    public Option<string?> Project { get; } = new("--project")
    {
        Description = "Project folder (default: the current folder)",
        Recursive = true,
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Machine-readable JSON on stdout",
        Recursive = true,
    };

    public Option<bool> Verbose { get; } = new("--verbose")
    {
        Description = "Detailed log lines on stderr",
        Recursive = true,
    };

    public void AddTo(Command root)
    {
        root.Options.Add(Project);
        root.Options.Add(Json);
        root.Options.Add(Verbose);
    }

    /// <summary>The global option called <paramref name="token"/> (its name or an alias, exact), or null.</summary>
    public Option? Find(string token) =>
        Is(Project, token) ? Project : Is(Json, token) ? Json : Is(Verbose, token) ? Verbose : null;

    private static bool Is(Option option, string token) => option.Name == token || option.Aliases.Contains(token);
}
