using System.Diagnostics;
using StarSend.Infrastructure.State;

namespace StarSend.Cli;

/// <summary>
/// A hidden diagnostic for the start-up work of #12: with <c>STARSEND_DIAGNOSTICS=1</c> in the environment, the process
/// ends by writing to stderr one <c>loaded: NAME</c> line per assembly it loaded, one <c>state read: PATH COUNT</c>
/// line per state file it read, one <c>jit: N methods, T ms</c> line (methods compiled at run time, not precompiled
/// by ReadyToRun), one <c>gc: N collections, K KiB allocated</c> line and one <c>mark: NAME MS (jit N)</c> line per
/// phase reached (milliseconds since the process started, methods compiled at run time so far), so a
/// test (or a producer's script) can see that <c>status</c> loads no HTTP, imaging or emulator code and reads each
/// state file once, and a developer where its time goes. Not a documented command output; nothing is written otherwise.
/// </summary>
internal static class StartupDiagnostics
{
    public const string Variable = "STARSEND_DIAGNOSTICS";

    // Of a class, not a value tuple: List<(string, long)> is generic code ReadyToRun cannot precompile, so every run
    // (diagnostics on or not) JIT-compiled seven methods of it.
    private static readonly List<Reached> Marks = [];

    /// <summary>Notes that the process reached <paramref name="name"/> (a timestamp only; printed at the end when asked).</summary>
    /// <remarks>Safe from any thread: <c>status</c> reads its project on others.</remarks>
    public static void Mark(string name)
    {
        var reached = new Reached(name, Stopwatch.GetTimestamp(), System.Runtime.JitInfo.GetCompiledMethodCount());
        lock (Marks)
        {
            Marks.Add(reached);
        }
    }

    public static void WriteIfAsked(TextWriter error)
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
        {
            return;
        }

        Mark("end");
        foreach (var name in AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name).Order(StringComparer.Ordinal))
        {
            error.WriteLine($"loaded: {name}");
        }

        foreach (var (path, count) in StateFileReads.Counts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            error.WriteLine($"state read: {path} {count}");
        }

        error.WriteLine(FormattableString.Invariant($"jit: {System.Runtime.JitInfo.GetCompiledMethodCount()} methods, {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:0} ms"));
        error.WriteLine(FormattableString.Invariant($"gc: {GC.CollectionCount(0)} collections, {GC.GetTotalAllocatedBytes() / 1024} KiB allocated"));
        var started = Process.GetCurrentProcess().StartTime.ToUniversalTime();
        var offset = (TimeProvider.System.GetUtcNow().UtcDateTime - started).TotalMilliseconds - Stopwatch.GetElapsedTime(0, Stopwatch.GetTimestamp()).TotalMilliseconds;
        Reached[] marks;
        lock (Marks)
        {
            // A copy: a background read still running (status after a parse error) may add its mark meanwhile.
            marks = [.. Marks];
        }

        foreach (var mark in marks)
        {
            error.WriteLine(FormattableString.Invariant($"mark: {mark.Name} {offset + Stopwatch.GetElapsedTime(0, mark.Ticks).TotalMilliseconds:0} (jit {mark.JitCount})"));
        }
    }

    private sealed record Reached(string Name, long Ticks, long JitCount);
}
