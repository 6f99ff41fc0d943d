using System.Globalization;

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
        // yyyyMMddTHHmmssZ from the fields: a custom DateTime format is generic code the tool's ReadyToRun image does not
        // hold, JIT-compiled on every start (#12).
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{now.Year:D4}{now.Month:D2}{now.Day:D2}T{now.Hour:D2}{now.Minute:D2}{now.Second:D2}Z-{Convert.ToHexStringLower(bytes[..2])}");
    }
}
