namespace StarSend.Cli;

/// <summary>
/// Process-wide start-up choices for a short read-only run (#12). <c>status</c> is run constantly by producers and in
/// script loops. For it, the JSON metadata of the plan, settings and state documents (generated ahead, see
/// <see cref="StarSend.Core.Json.StarSendJson.WarmUp"/>) is built on a second thread while the command line is set up,
/// and whatever JSON still goes through reflection (a <c>--json</c> view) uses plain reflection rather than emitting
/// dynamic methods compiled with full optimisation. Any other command keeps the defaults: its longer runs gain from the
/// emitted accessors. Getting the verb wrong costs speed, never correctness: every library has a path without dynamic
/// code, and the warm-up reads no file.
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
            new Thread(StarSend.Core.Json.StarSendJson.WarmUp) { IsBackground = true, Name = "json warm-up" }.Start();
        }
    }
}
