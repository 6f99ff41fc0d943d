using System.Buffers.Binary;

namespace StarSend.Imaging.Video;

/// <summary>An ISO-BMFF box header: where the box starts, how long its header is and how many bytes it declares in all.</summary>
internal readonly record struct BoxHeader(string Type, long Offset, int HeaderSize, long Size)
{
    public const int MaxHeaderSize = 16;

    public long PayloadOffset => Offset + HeaderSize;

    public long PayloadSize => Size - HeaderSize;

    public long End => Offset + Size;

    /// <summary>Reads a header from <paramref name="bytes"/> (the first bytes at <paramref name="offset"/>).</summary>
    /// <param name="bytes">At least 8 bytes, or 16 when the box uses a 64-bit size.</param>
    /// <param name="offset">Where the box starts, for positions in messages and <see cref="End"/>.</param>
    /// <param name="available">Bytes from <paramref name="offset"/> to the end of the parent (or file).</param>
    public static BoxHeader Parse(ReadOnlySpan<byte> bytes, long offset, long available)
    {
        if (available < 8 || bytes.Length < 8)
        {
            throw new Mp4FormatException($"a box header at byte {offset} is cut short ({available} bytes left)");
        }

        var type = TypeName(bytes.Slice(4, 4));
        var size32 = BinaryPrimitives.ReadUInt32BigEndian(bytes);
        var headerSize = 8;
        long size;
        if (size32 == 1)
        {
            if (available < 16 || bytes.Length < 16)
            {
                throw new Mp4FormatException($"box '{type}' at byte {offset} is cut short in its 64-bit size");
            }

            var size64 = BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]);
            headerSize = 16;
            size = size64 > long.MaxValue ? long.MaxValue : (long)size64;
        }
        else
        {
            // Size 0 means the box runs to the end of its parent.
            size = size32 == 0 ? available : size32;
        }

        if (size < headerSize)
        {
            throw new Mp4FormatException($"box '{type}' at byte {offset} declares {size} bytes, less than its own header");
        }

        if (size > available)
        {
            throw new Mp4FormatException(
                $"box '{type}' at byte {offset} declares {size} bytes but only {available} remain (truncated)");
        }

        return new BoxHeader(type, offset, headerSize, size);
    }

    /// <summary>The four-character type, printable characters only so that messages stay on one line.</summary>
    public static string TypeName(ReadOnlySpan<byte> type)
    {
        Span<char> chars = stackalloc char[4];
        for (var i = 0; i < 4; i++)
        {
            chars[i] = type[i] is >= 0x20 and < 0x7F ? (char)type[i] : '?';
        }

        return new string(chars);
    }
}
