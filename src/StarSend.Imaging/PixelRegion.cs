using SkiaSharp;

namespace StarSend.Imaging;

/// <summary>A rectangle of an image, in pixels: a grid cell, or the whole image.</summary>
internal readonly record struct PixelRegion(int X, int Y, int Width, int Height)
{
    public static PixelRegion Of(RgbaImage image) => new(0, 0, image.Width, image.Height);

    public ReadOnlySpan<byte> Row(RgbaImage image, int y) => image.Row(Y + y).Slice(X * 4, Width * 4);

    public SKRectI Rect => SKRectI.Create(X, Y, Width, Height);

    /// <summary>The region as a new image, cut by Skia (a subset pixmap read into the new image's pixels).</summary>
    public RgbaImage Crop(RgbaImage image)
    {
        var (rect, what) = (Rect, $"cropping {Width}x{Height} at ({X},{Y})");
        return SkiaPixels.Use(image, source =>
        {
            using var subset = source.ExtractSubset(rect);
            return SkiaPixels.Create(rect.Width, rect.Height, target => subset is not null && subset.ReadPixels(target), what);
        });
    }

    /// <summary>The region encoded as PNG, straight from the source pixels (no intermediate copy).</summary>
    public byte[] EncodePng(RgbaImage image)
    {
        var rect = Rect;
        var data = SkiaPixels.Use(image, source =>
        {
            using var subset = source.ExtractSubset(rect);
            using var encoded = subset?.Encode(PngSettings.Cells);
            return encoded?.ToArray();
        });
        return data ?? throw new ImagingException($"PNG encoding of the {Width}x{Height} cell at ({X},{Y}) failed");
    }
}
