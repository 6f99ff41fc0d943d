namespace StarSend.Imaging;

/// <summary>A rectangle of an image, in pixels: a grid cell, or the whole image.</summary>
internal readonly record struct PixelRegion(int X, int Y, int Width, int Height)
{
    public static PixelRegion Of(RgbaImage image) => new(0, 0, image.Width, image.Height);

    public ReadOnlySpan<byte> Row(RgbaImage image, int y) => image.Row(Y + y).Slice(X * 4, Width * 4);

    public RgbaImage Crop(RgbaImage image)
    {
        var copy = new RgbaImage(Width, Height);
        for (var y = 0; y < Height; y++)
        {
            Row(image, y).CopyTo(copy.Row(y));
        }

        return copy;
    }
}
