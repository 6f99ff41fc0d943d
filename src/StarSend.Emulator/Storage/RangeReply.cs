using System.Globalization;
using StarSend.Emulator.Http;

namespace StarSend.Emulator.Storage;

/// <summary>Serves bytes with single-range <c>Range: bytes=</c> support (206/416); other range forms get the whole file.</summary>
internal static class RangeReply
{
    public static Reply For(byte[] content, string contentType, string? rangeHeader)
    {
        var full = new Reply(200, content, contentType).WithHeader("Accept-Ranges", "bytes");
        if (string.IsNullOrWhiteSpace(rangeHeader) || !rangeHeader.StartsWith("bytes=", StringComparison.OrdinalIgnoreCase) || rangeHeader.Contains(','))
        {
            return full;
        }

        var spec = rangeHeader["bytes=".Length..].Trim();
        var dash = spec.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
        {
            return full;
        }

        long length = content.Length;
        long start;
        long end;
        if (dash == 0)
        {
            if (!TryParse(spec[1..], out var suffix) || suffix == 0)
            {
                return Unsatisfiable(length, contentType);
            }

            start = Math.Max(0, length - suffix);
            end = length - 1;
        }
        else
        {
            if (!TryParse(spec[..dash], out start))
            {
                return full;
            }

            end = dash == spec.Length - 1 ? length - 1 : TryParse(spec[(dash + 1)..], out var last) ? Math.Min(last, length - 1) : -1;
            if (end < start)
            {
                return start >= length ? Unsatisfiable(length, contentType) : full;
            }
        }

        if (start >= length)
        {
            return Unsatisfiable(length, contentType);
        }

        var slice = content.AsSpan((int)start, (int)(end - start + 1)).ToArray();
        return new Reply(206, slice, contentType)
            .WithHeader("Accept-Ranges", "bytes")
            .WithHeader("Content-Range", $"bytes {start}-{end}/{length}");
    }

    private static Reply Unsatisfiable(long length, string contentType) =>
        new Reply(416, [], contentType).WithHeader("Content-Range", $"bytes */{length}");

    private static bool TryParse(string text, out long value) =>
        long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
