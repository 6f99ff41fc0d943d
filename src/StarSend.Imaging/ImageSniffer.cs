namespace StarSend.Imaging;

/// <summary>
/// Decides the format from the first bytes (PNG signature, JPEG SOI, RIFF....WEBP). Formats producers' files come in
/// that StarSend does not read (HEIC/AVIF from phones, GIF, BMP, TIFF) are named in the error, with what to do.
/// </summary>
internal static class ImageSniffer
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static ImageFormat? TryDetect(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith(PngSignature))
        {
            return ImageFormat.Png;
        }

        if (data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
        {
            return ImageFormat.Jpeg;
        }

        if (data.Length >= 12 && data.StartsWith("RIFF"u8) && data.Slice(8, 4).SequenceEqual("WEBP"u8))
        {
            return ImageFormat.WebP;
        }

        return null;
    }

    /// <summary>The format, or an <see cref="ImagingException"/> that names what the bytes are when it can tell.</summary>
    public static ImageFormat Detect(ReadOnlySpan<byte> data, string name)
    {
        if (TryDetect(data) is { } format)
        {
            return format;
        }

        throw new ImagingException($"{name}: {Unsupported(data)}");
    }

    private static string Unsupported(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return "empty file, not an image";
        }

        if (data.Length >= 12 && data.Slice(4, 4).SequenceEqual("ftyp"u8))
        {
            var brand = System.Text.Encoding.ASCII.GetString(data.Slice(8, 4));
            if (brand is "heic" or "heix" or "hevc" or "hevx" or "heim" or "heis" or "mif1" or "msf1")
            {
                return "HEIC/HEIF image (iPhone format), which the providers do not take; convert to JPEG or PNG";
            }

            if (brand is "avif" or "avis")
            {
                return "AVIF image, which StarSend does not read; convert to JPEG or PNG";
            }
        }

        if (data.StartsWith("GIF8"u8))
        {
            return "GIF image, which StarSend does not read; convert to JPEG or PNG";
        }

        if (data.StartsWith("BM"u8))
        {
            return "BMP image, which StarSend does not read; convert to JPEG or PNG";
        }

        if (data.StartsWith("II*\0"u8) || data.StartsWith("MM\0*"u8))
        {
            return "TIFF image, which StarSend does not read; convert to JPEG or PNG";
        }

        return data.StartsWith(PngSignature[..4]) ? "broken PNG signature" : "not a PNG, JPEG or WebP image";
    }
}
