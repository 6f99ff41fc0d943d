using System.Collections.Concurrent;

namespace StarSend.Infrastructure.State;

/// <summary>
/// How many times this process read each state file (full path → count), counted by <see cref="JsonStateFile{T}"/>.
/// A diagnostic: <c>status</c> promises one read of each state file (#12), and a child-process test holds it to that
/// through <c>STARSEND_DIAGNOSTICS</c>.
/// </summary>
public static class StateFileReads
{
    private static readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    /// <summary>Every state file read so far, with its count, in no particular order.</summary>
    public static IReadOnlyDictionary<string, int> Counts => _counts;

    internal static void Count(string path) => _counts.AddOrUpdate(path, 1, (_, n) => n + 1);
}
