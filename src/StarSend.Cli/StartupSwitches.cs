namespace StarSend.Cli;

/// <summary>
/// Process-wide start-up choices for a short read-only run (#12). <c>status</c> is run constantly by producers and in
/// script loops. For it, the plan and settings are read on a second thread from the first line of <c>Main</c>
/// (<see cref="ReadOnlyProject.Prefetch"/>, with the folder <c>--project</c> names), while the command line is built,
/// parsed and its logging set up; and whatever JSON still goes through reflection (a <c>--json</c> view) uses plain
/// reflection rather than emitting dynamic methods compiled with full optimisation, a cost a run this short never
/// earns back. Any other command keeps the defaults. Getting the verb or the folder wrong costs speed, never
/// correctness: the command reads the folder it parsed when the guess was another one, and every library has a path
/// without dynamic code.
/// </summary>
internal static class StartupSwitches
{
    private const string DynamicCode = "System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported";

    private static readonly string[] ReadOnlyVerbs = ["status"];

    /// <summary>
    /// Applies the choices for the verb on <paramref name="args"/>, relative to <paramref name="currentDirectory"/>.
    /// Called first thing in <c>Main</c>: plain loops over the arguments, so that nothing (not even LINQ or
    /// StarSend.Core) is loaded before the early read's thread is started.
    /// </summary>
    public static void Apply(string[] args, string currentDirectory)
    {
        if (IsReadOnlyVerb(FirstWord(args)) || args.Length > 2 && args[0] == "--project" && IsReadOnlyVerb(args[2]))
        {
            AppContext.SetSwitch(DynamicCode, false);
            ReadOnlyProject.Prefetch(Path.GetFullPath(ProjectDir(args) ?? ".", currentDirectory));
        }
    }

    private static string? FirstWord(string[] args)
    {
        foreach (var arg in args)
        {
            if (!arg.StartsWith('-'))
            {
                return arg;
            }
        }

        return null;
    }

    private static bool IsReadOnlyVerb(string? word) => Array.IndexOf(ReadOnlyVerbs, word) >= 0;

    /// <summary>The folder <c>--project</c> names on the line (the last one given), before <see cref="CommandRunner.ProjectDir"/> resolves it.</summary>
    private static string? ProjectDir(string[] args)
    {
        string? dir = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--project" && i + 1 < args.Length)
            {
                dir = args[++i];
            }
            else if (args[i].StartsWith("--project=", StringComparison.Ordinal) || args[i].StartsWith("--project:", StringComparison.Ordinal))
            {
                dir = args[i]["--project=".Length..];
            }
        }

        return dir;
    }
}
