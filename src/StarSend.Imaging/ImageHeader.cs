using System.Buffers.Binary;
using SkiaSharp;

namespace StarSend.Imaging;

/// <summary>
/// Reads an image's format, upright dimensions and kind (orientation, alpha, 16-bit, CMYK) from its header without
/// decoding its pixels. Throws <see cref="ImagingException"/> for a file StarSend cannot read, naming it.
/// </summary>
public static class ImageHeader
{
    // A JPEG frame header normally sits within the first few kilobytes; a bound keeps a hostile file cheap.
    private const int MaxJpegSegments = 4096;

    public static ImageInfo Read(string path, ImageLimits? limits = null)
    {
        limits ??= ImageLimits.Default;
        return Read(ImageFiles.ReadAll(path, limits), Path.GetFileName(path), limits);
    }

    /// <summary>Reads from the start of a seekable stream; <paramref name="name"/> only labels errors.</summary>
    public static ImageInfo Read(Stream stream, string name)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return Read(copy.ToArray(), name);
    }

    public static ImageInfo Read(ReadOnlySpan<byte> data, string name, ImageLimits? limits = null)
    {
        try
        {
            using var skia = SkiaCodec.Open(data, name, limits ?? ImageLimits.Default);
            var info = skia.Codec.Info;
            var swap = skia.Orientation >= 5;
            return new ImageInfo(skia.Format, swap ? info.Height : info.Width, swap ? info.Width : info.Height, data.Length)
            {
                Orientation = skia.Orientation,
                HasAlpha = info.AlphaType != SKAlphaType.Opaque,
                BitsPerChannel = skia.Format == ImageFormat.Png && data.Length > 24 && data[24] == 16 ? 16 : 8,
                Cmyk = skia.Format == ImageFormat.Jpeg && JpegComponents(data) == 4,
            };
        }
        catch (Exception ex) when (ex is not ImagingException and not OutOfMemoryException)
        {
            throw new ImagingException($"{name}: header cannot be read ({ex.GetType().Name})", ex);
        }
    }

    /// <summary>The number of colour components in a JPEG's frame header (1 grey, 3 YCbCr/RGB, 4 CMYK/YCCK), 0 if not found.</summary>
    private static int JpegComponents(ReadOnlySpan<byte> data)
    {
        var position = 2;
        for (var segment = 0; segment < MaxJpegSegments && position + 4 <= data.Length; segment++)
        {
            if (data[position] != 0xFF)
            {
                return 0;
            }

            var marker = data[position + 1];
            if (marker == 0xFF)
            {
                position++;
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(data[(position + 2)..]);
            if (marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC))
            {
                return position + 9 < data.Length ? data[position + 9] : 0;
            }

            if (marker is 0xDA or 0xD9 || length < 2)
            {
                return 0;
            }

            position += 2 + length;
        }

        return 0;
    }
}
