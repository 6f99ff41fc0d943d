namespace StarSend.Imaging;

/// <summary>An image as it is sent to a provider: the file's own bytes when they can go as they are, else a re-encode.</summary>
/// <param name="Bytes">What to send.</param>
/// <param name="Format">The format of <paramref name="Bytes"/>, from their magic bytes.</param>
/// <param name="Width">Upright width of what is sent, in pixels.</param>
/// <param name="Height">Upright height of what is sent, in pixels.</param>
/// <param name="Changed">Null when the file's bytes are sent as they are; else why they were re-encoded.</param>
public sealed record SendableImage(byte[] Bytes, ImageFormat Format, int Width, int Height, string? Changed)
{
    private const int JpegQuality = 92;

    /// <summary>The MIME type of <see cref="Bytes"/>.</summary>
    public string MimeType => Format.MimeType();

    /// <summary>
    /// Makes <paramref name="file"/> sendable: an EXIF-rotated photo is turned upright and a CMYK JPEG converted to
    /// sRGB (providers ignore the tag or refuse CMYK: field-log #11), both re-encoded as JPEG; a file over
    /// <paramref name="maxBytes"/> (Kling: 10 MB; large PNGs from image models, field-log #10) is re-encoded as JPEG,
    /// then scaled down until it fits. The caller keeps the original file. Throws <see cref="ImagingException"/>.
    /// </summary>
    public static SendableImage Prepare(byte[] file, string name, long maxBytes)
    {
        var info = ImageHeader.Read(file, name);
        var reasons = new List<string>();
        if (info.Rotated)
        {
            reasons.Add($"turned upright (EXIF orientation {info.Orientation})");
        }

        if (info.Cmyk)
        {
            reasons.Add("converted from CMYK to sRGB");
        }

        if (file.Length > maxBytes)
        {
            reasons.Add($"{file.Length / 1024 / 1024.0:0.0} MB is over the {maxBytes / 1024 / 1024} MB limit");
        }

        if (reasons.Count == 0)
        {
            return new SendableImage(file, info.Format, info.Width, info.Height, null);
        }

        var image = ImageCodec.Decode(file, name);
        var bytes = Encode(image, info.HasAlpha && file.Length <= maxBytes);
        while (bytes.Length > maxBytes)
        {
            var scale = Math.Min(0.9, Math.Sqrt((double)maxBytes / bytes.Length) * 0.95);
            image = ImageScaler.Resize(image, Math.Max(1, (int)(image.Width * scale)), Math.Max(1, (int)(image.Height * scale)));
            bytes = Encode(image, keepAlpha: false);
            reasons.Add($"scaled to {image.Width}x{image.Height}");
        }

        return new SendableImage(bytes, ImageFormats.Detect(bytes)!.Value, image.Width, image.Height, string.Join("; ", reasons));
    }

    private static byte[] Encode(RgbaImage image, bool keepAlpha) =>
        keepAlpha ? ImageCodec.EncodePng(image) : ImageCodec.EncodeJpeg(image, JpegQuality);
}
