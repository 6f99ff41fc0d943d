using System.Security.Cryptography;

namespace StarSend.Core.Runs;

/// <summary>
/// Identifies one invocation of StarSend. Every file the run writes starts with it and every log event carries it.
/// Sortable by time: <c>20261122T101500Z-3f2a</c>.
/// </summary>
public static class RunId
{
    public static string New(TimeProvider time)
    {
        var now = time.GetUtcNow();
        return $"{now:yyyyMMdd'T'HHmmss'Z'}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(2))}";
    }
}
