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
        // Four hex digits of a random (v4) GUID: unique enough beside the second, and unlike RandomNumberGenerator it
        // does not load the cryptography stack (OpenSSL) into every process at start-up (#12).
        Span<byte> bytes = stackalloc byte[16];
        Guid.NewGuid().TryWriteBytes(bytes);
        return $"{now:yyyyMMdd'T'HHmmss'Z'}-{Convert.ToHexStringLower(bytes[..2])}";
    }
}
