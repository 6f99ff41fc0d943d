namespace StarSend.Imaging;

/// <summary>
/// Turns pixels stored with an EXIF orientation (2–8) upright. Skia's codec reports the origin but leaves the pixels
/// as stored, so this is done here, once, right after decoding: every width, height and crop downstream is upright.
/// </summary>
internal static class ExifOrientation
{
    public static RgbaImage Apply(RgbaImage stored, int orientation)
    {
        if (orientation is < 2 or > 8)
        {
            return stored;
        }

        var swap = orientation >= 5;
        var (width, height) = swap ? (stored.Height, stored.Width) : (stored.Width, stored.Height);
        var upright = new RgbaImage(width, height);
        ReadOnlySpan<uint> source = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, uint>(stored.Pixels.AsSpan());
        Span<uint> target = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, uint>(upright.Pixels.AsSpan());
        var (sw, sh) = (stored.Width, stored.Height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                // (sx, sy): where the upright pixel (x, y) is stored, per the EXIF 2.3 definitions of 2..8.
                var (sx, sy) = orientation switch
                {
                    2 => (sw - 1 - x, y),
                    3 => (sw - 1 - x, sh - 1 - y),
                    4 => (x, sh - 1 - y),
                    5 => (y, x),
                    6 => (y, sh - 1 - x),
                    7 => (sw - 1 - y, sh - 1 - x),
                    _ => (sw - 1 - y, x),
                };
                target[(y * width) + x] = source[(sy * sw) + sx];
            }
        }

        return upright;
    }
}
