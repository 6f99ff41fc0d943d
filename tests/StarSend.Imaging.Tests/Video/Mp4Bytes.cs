using System.Buffers.Binary;
using System.Text;

namespace StarSend.Imaging.Tests.Video;

/// <summary>Big-endian fields and ISO-BMFF boxes for hand-made test MP4s.</summary>
internal static class Mp4Bytes
{
    public static byte[] U16(ushort value)
    {
        var bytes = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, value);
        return bytes;
    }

    public static byte[] U32(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }

    public static byte[] U64(ulong value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, value);
        return bytes;
    }

    public static byte[] Zeros(int count) => new byte[count];

    public static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    public static byte[] Box(string type, params byte[][] parts)
    {
        var payload = parts.SelectMany(p => p).ToArray();
        return [.. U32((uint)(payload.Length + 8)), .. Ascii(type), .. payload];
    }

    /// <summary>A box whose size is in the 64-bit largesize field (size field = 1).</summary>
    public static byte[] LargeBox(string type, params byte[][] parts)
    {
        var payload = parts.SelectMany(p => p).ToArray();
        return [.. U32(1), .. Ascii(type), .. U64((ulong)(payload.Length + 16)), .. payload];
    }

    /// <summary>A box with size field 0: it runs to the end of the file.</summary>
    public static byte[] OpenEndedBox(string type, params byte[][] parts) =>
        [.. U32(0), .. Ascii(type), .. parts.SelectMany(p => p)];

    public static byte[] FullBox(string type, byte version, params byte[][] parts) =>
        Box(type, [[version, 0, 0, 0], .. parts]);
}
