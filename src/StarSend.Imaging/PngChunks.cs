using System.Buffers.Binary;

namespace StarSend.Imaging;

/// <summary>Looks at a PNG's chunk headers before its image data, without decoding anything.</summary>
internal static class PngChunks
{
    private const int MaxChunks = 1024;

    /// <summary>
    /// True when an <c>iCCP</c> colour profile comes before the image data. Only then is a PNG converted to sRGB:
    /// a bare <c>gAMA</c>/<c>cHRM</c> is not applied, as libpng and Pillow do by default (PngSuite's references
    /// are made that way, and image models write sRGB).
    /// </summary>
    public static bool HasIccProfile(ReadOnlySpan<byte> png)
    {
        var position = 8;
        for (var i = 0; i < MaxChunks && position + 8 <= png.Length; i++)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(png[position..]);
            var type = png.Slice(position + 4, 4);
            if (type.SequenceEqual("iCCP"u8))
            {
                return true;
            }

            if (type.SequenceEqual("IDAT"u8) || length > int.MaxValue - 12 - position)
            {
                return false;
            }

            position += 12 + (int)length;
        }

        return false;
    }
}
