using StarSend.Infrastructure.State;

namespace StarSend.Cli;

/// <summary>
/// A hidden diagnostic for the start-up work of #12: with <c>STARSEND_DIAGNOSTICS=1</c> in the environment, the process
/// ends by writing to stderr one <c>loaded: NAME</c> line per assembly it loaded and one <c>state read: PATH COUNT</c>
/// line per state file it read, so a test (or a producer's script) can see that <c>status</c> loads no HTTP, imaging or
/// emulator code and reads each state file once. Not a documented command output; nothing is written otherwise.
/// </summary>
internal static class StartupDiagnostics
{
    public const string Variable = "STARSEND_DIAGNOSTICS";

    public static void WriteIfAsked(TextWriter error)
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
        {
            return;
        }

        foreach (var name in AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name).Order(StringComparer.Ordinal))
        {
            error.WriteLine($"loaded: {name}");
        }

        foreach (var (path, count) in StateFileReads.Counts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            error.WriteLine($"state read: {path} {count}");
        }
    }
}
