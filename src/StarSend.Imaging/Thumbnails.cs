namespace StarSend.Imaging;

/// <summary>Small previews for the review pages: decode (any format StarSend reads), scale down, encode.</summary>
public static class Thumbnails
{
    /// <summary>
    /// A JPEG (quality 85) of the image scaled so its longer edge is at most <paramref name="maxEdge"/> px, upright;
    /// a PNG when the image has transparency. Throws <see cref="ImagingException"/> for a file it cannot read.
    /// </summary>
    public static byte[] Create(ReadOnlySpan<byte> image, int maxEdge, string name = "image")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEdge, 8);
        var decoded = ImageCodec.Decode(image, name);
        var (width, height) = ImageScaler.Fit(decoded.Width, decoded.Height, maxEdge);
        var small = ImageScaler.Resize(decoded, width, height);
        return HasTransparency(small) ? ImageCodec.EncodePng(small) : ImageCodec.EncodeJpeg(small, 85);
    }

    private static bool HasTransparency(RgbaImage image)
    {
        for (var i = 3; i < image.Pixels.Length; i += 4)
        {
            if (image.Pixels[i] != 255)
            {
                return true;
            }
        }

        return false;
    }
}
