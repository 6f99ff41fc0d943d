using System.Buffers.Binary;

namespace StarSend.Imaging.Video;

/// <summary>Big-endian fields of a box payload, each read only after checking that the box is long enough.</summary>
internal static class BoxFields
{
    public static byte Version(ReadOnlySpan<byte> payload, string box) => Need(payload, 0, 4, box)[0];

    public static uint U32(ReadOnlySpan<byte> payload, int at, string box) =>
        BinaryPrimitives.ReadUInt32BigEndian(Need(payload, at, 4, box));

    public static ulong U64(ReadOnlySpan<byte> payload, int at, string box) =>
        BinaryPrimitives.ReadUInt64BigEndian(Need(payload, at, 8, box));

    public static ReadOnlySpan<byte> Need(ReadOnlySpan<byte> payload, long at, long count, string box)
    {
        if (at < 0 || count < 0 || at + count > payload.Length)
        {
            throw new Mp4FormatException($"'{box}' is cut short ({payload.Length} bytes, needs {at + count})");
        }

        return payload.Slice((int)at, (int)count);
    }
}
