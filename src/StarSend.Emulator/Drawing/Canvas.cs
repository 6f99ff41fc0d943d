using StarSend.Imaging;

namespace StarSend.Emulator.Drawing;

/// <summary>The few fills the emulator's pictures need, clipped to a rectangle.</summary>
internal static class Canvas
{
    public static void FillRect(RgbaImage image, Rect area, Rgb colour)
    {
        var clip = area.Intersect(new Rect(0, 0, image.Width, image.Height));
        for (var y = clip.Y; y < clip.Bottom; y++)
        {
            var row = image.Row(y);
            for (var x = clip.X; x < clip.Right; x++)
            {
                Put(row, x, colour);
            }
        }
    }

    public static void VerticalGradient(RgbaImage image, Rect area, Rgb top, Rgb bottom)
    {
        var clip = area.Intersect(new Rect(0, 0, image.Width, image.Height));
        for (var y = clip.Y; y < clip.Bottom; y++)
        {
            var t = area.Height <= 1 ? 0 : (double)(y - area.Y) / (area.Height - 1);
            FillRect(image, new Rect(clip.X, y, clip.Width, 1), Rgb.Mix(top, bottom, t));
        }
    }

    /// <summary>Fills <paramref name="shape"/> of radius <paramref name="r"/> around (cx, cy), clipped to <paramref name="clip"/>.</summary>
    public static void FillShape(RgbaImage image, Shape shape, double cx, double cy, double r, Rgb colour, Rect clip)
    {
        var bounds = new Rect((int)(cx - r), (int)(cy - r), (int)(2 * r) + 2, (int)(2 * r) + 2)
            .Intersect(clip)
            .Intersect(new Rect(0, 0, image.Width, image.Height));
        for (var y = bounds.Y; y < bounds.Bottom; y++)
        {
            var row = image.Row(y);
            for (var x = bounds.X; x < bounds.Right; x++)
            {
                if (Inside(shape, x + 0.5 - cx, y + 0.5 - cy, r))
                {
                    Put(row, x, colour);
                }
            }
        }
    }

    private static bool Inside(Shape shape, double dx, double dy, double r) => shape switch
    {
        Shape.Circle => (dx * dx) + (dy * dy) <= r * r,
        Shape.Square => Math.Abs(dx) <= r * 0.8 && Math.Abs(dy) <= r * 0.8,
        Shape.Diamond => Math.Abs(dx) + Math.Abs(dy) <= r,
        _ => dy >= -r && dy <= r * 0.8 && Math.Abs(dx) <= (dy + r) * 0.55,
    };

    private static void Put(Span<byte> row, int x, Rgb colour)
    {
        row[x * 4] = colour.R;
        row[(x * 4) + 1] = colour.G;
        row[(x * 4) + 2] = colour.B;
        row[(x * 4) + 3] = 255;
    }
}
