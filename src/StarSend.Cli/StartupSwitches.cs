namespace StarSend.Cli;

/// <summary>
/// Process-wide runtime switches for a short read-only run (#12). <c>status</c> is run constantly by producers and in
/// script loops; the JSON of its plan, settings and state documents is read once per process through reflection
/// metadata, and with dynamic code allowed System.Text.Json emits two dynamic methods per property, each compiled
/// with full optimisation (about 160 in all on the demo, 22 ms of CPU on this machine's 2 cores). For a read-only
/// verb the switch below makes it use plain reflection instead. Any other command keeps the default: its longer runs
/// gain from the emitted accessors. Getting the verb wrong costs speed, never correctness: every library has a path
/// without dynamic code.
/// </summary>
/// <remarks>
/// Source-generated JSON metadata would remove the reflection cost too, but System.Text.Json's generator sets every
/// init-only property in one object initializer, so a property missing from the file gets <c>default</c> instead of
/// its initializer (dotnet/runtime#84484): every record of the state model would lose its defaults.
/// </remarks>
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
