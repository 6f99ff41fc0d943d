using SkiaSharp;

namespace StarSend.Imaging;

/// <summary>Lends an <see cref="RgbaImage"/>'s pixel array to Skia as a pixmap (8-bit RGBA, unpremultiplied, sRGB) for one call.</summary>
internal static class SkiaPixels
{
    private static readonly SKColorSpace Srgb = SKColorSpace.CreateSrgb();

    public static SKImageInfo Info(int width, int height) =>
        new(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul, Srgb);

    public static unsafe T Use<T>(RgbaImage image, Func<SKPixmap, T> use)
    {
        fixed (byte* pixels = image.Pixels)
        {
            using var pixmap = new SKPixmap(Info(image.Width, image.Height), (IntPtr)pixels, image.Width * 4);
            return use(pixmap);
        }
    }

    /// <summary>A new image filled by <paramref name="fill"/> through a pixmap over its pixels; false from it is an imaging error.</summary>
    public static RgbaImage Create(int width, int height, Func<SKPixmap, bool> fill, string what)
    {
        var image = new RgbaImage(width, height);
        if (!Use(image, fill))
        {
            throw new ImagingException($"{what} failed");
        }

        return image;
    }
}
