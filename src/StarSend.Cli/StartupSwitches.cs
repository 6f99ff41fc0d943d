namespace StarSend.Cli;

/// <summary>
/// Process-wide runtime switches for a short read-only run (#12). <c>status</c> is run constantly by producers and in
/// script loops. Its plan, settings and state documents are read through generated metadata; whatever JSON still goes
/// through reflection (a <c>--json</c> view) uses plain reflection for it rather than emitting dynamic methods compiled
/// with full optimisation, a cost a run this short never earns back. Any other command keeps the default: its longer
/// runs gain from the emitted accessors. Getting the verb wrong costs speed, never correctness: every library has a
/// path without dynamic code.
/// </summary>
internal static class StartupSwitches
{
    private const string DynamicCode = "System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported";

    private static readonly string[] ReadOnlyVerbs = ["status"];

    public static void Apply(string[] args)
    {
        if (args.FirstOrDefault(a => !a.StartsWith('-')) is { } first && ReadOnlyVerbs.Contains(first, StringComparer.Ordinal)
            || args.Length > 2 && args[0] == "--project" && ReadOnlyVerbs.Contains(args[2], StringComparer.Ordinal))
        {
            AppContext.SetSwitch(DynamicCode, false);
        }
    }
}
