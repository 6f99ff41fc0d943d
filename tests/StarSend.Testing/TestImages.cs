using System.Buffers.Binary;
using StarSend.Imaging;

namespace StarSend.Testing;

/// <summary>Producers' kinds of image files, made for tests: EXIF-rotated phone JPEGs, CMYK JPEGs, WebP, HEIC headers.</summary>
public static class TestImages
{
    /// <summary>A CMYK JPEG (400x320: red left half, blue right half, yellow disc in the middle); see Images/README.md.</summary>
    public static byte[] CmykJpeg() => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Images", "cmyk-400x320.jpg"));

    /// <summary>
    /// A JPEG whose pixels are stored as a phone stores them: <paramref name="upright"/> turned so that EXIF
    /// orientation <paramref name="orientation"/> (6: held sideways) turns it back upright, with that EXIF tag.
    /// </summary>
    public static byte[] PhoneJpeg(RgbaImage upright, int orientation = 6) =>
        WithExifOrientation(ImageCodec.EncodeJpeg(Stored(upright, orientation), 95), orientation);

    /// <summary>The first bytes of an iPhone HEIC file (an ISO-BMFF ftyp box with brand heic), padded.</summary>
    public static byte[] HeicHeader()
    {
        var data = new byte[512];
        BinaryPrimitives.WriteInt32BigEndian(data, 24);
        "ftypheic"u8.CopyTo(data.AsSpan(4));
        "mif1heic"u8.CopyTo(data.AsSpan(16));
        return data;
    }

    /// <summary>Inserts an APP1 Exif segment holding only the Orientation tag (0x0112) right after the JPEG's SOI.</summary>
    public static byte[] WithExifOrientation(byte[] jpeg, int orientation)
    {
        // "Exif\0\0", then a big-endian TIFF header, IFD0 with one SHORT entry, no next IFD.
        byte[] tiff =
        [
            .. "Exif\0\0"u8, (byte)'M', (byte)'M', 0, 42, 0, 0, 0, 8,
            0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte)orientation, 0, 0,
            0, 0, 0, 0,
        ];
        var segment = new byte[4 + tiff.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(tiff.Length + 2));
        tiff.CopyTo(segment, 4);
        return [.. jpeg.AsSpan(0, 2), .. segment, .. jpeg.AsSpan(2)];
    }

    /// <summary>How a camera stores <paramref name="upright"/> under <paramref name="orientation"/> (the inverse of applying it).</summary>
    public static RgbaImage Stored(RgbaImage upright, int orientation)
    {
        var swap = orientation >= 5;
        var (sw, sh) = swap ? (upright.Height, upright.Width) : (upright.Width, upright.Height);
        var stored = new RgbaImage(sw, sh);
        for (var y = 0; y < upright.Height; y++)
        {
            for (var x = 0; x < upright.Width; x++)
            {
                var (sx, sy) = orientation switch
                {
                    2 => (sw - 1 - x, y),
                    3 => (sw - 1 - x, sh - 1 - y),
                    4 => (x, sh - 1 - y),
                    5 => (y, x),
                    6 => (y, sh - 1 - x),
                    7 => (sw - 1 - y, sh - 1 - x),
                    8 => (sw - 1 - y, x),
                    _ => (x, y),
                };
                upright.Pixels.AsSpan(((y * upright.Width) + x) * 4, 4).CopyTo(stored.Pixels.AsSpan(((sy * sw) + sx) * 4));
            }
        }

        return stored;
    }
}
