using SkiaSharp;

namespace StarSend.Imaging;

/// <summary>Resizes with Skia: Mitchell cubic, after halving steps for large reductions so detail is averaged, not skipped.</summary>
public static class ImageScaler
{
    private static readonly SKSamplingOptions Cubic = new(SKCubicResampler.Mitchell);

    /// <summary>The image scaled to exactly <paramref name="width"/>×<paramref name="height"/> (the same object when unchanged).</summary>
    public static RgbaImage Resize(RgbaImage image, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (width == image.Width && height == image.Height)
        {
            return image;
        }

        var current = image;
        while (current.Width >= width * 4 && current.Height >= height * 4)
        {
            current = Scale(current, current.Width / 2, current.Height / 2);
        }

        return Scale(current, width, height);
    }

    /// <summary>The largest size with the same aspect whose longer edge is at most <paramref name="maxEdge"/> (never larger than the image).</summary>
    public static (int Width, int Height) Fit(int width, int height, int maxEdge)
    {
        var scale = Math.Min(1, (double)maxEdge / Math.Max(width, height));
        return (Math.Max(1, (int)Math.Round(width * scale)), Math.Max(1, (int)Math.Round(height * scale)));
    }

    private static RgbaImage Scale(RgbaImage image, int width, int height) =>
        SkiaPixels.Use(image, source => SkiaPixels.Create(width, height, target => source.ScalePixels(target, Cubic), $"scaling to {width}x{height}"));
}
