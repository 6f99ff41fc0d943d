using StarSend.Imaging;

namespace StarSend.Emulator.Drawing;

/// <summary>
/// Stand-in keyframes: a 2x2 grid of four scenes that differ in colour and shape, or one picture, all drawn from a
/// seed so that the same prompt gives the same pixels.
/// </summary>
internal static class KeyframeArt
{
    private static readonly Shape[] Shapes = [Shape.Circle, Shape.Square, Shape.Triangle, Shape.Diamond];

    /// <summary>A grid of <paramref name="columns"/> x <paramref name="rows"/> scenes (2x2 as asked; 3x3 for the grid-3x3 fault).</summary>
    public static RgbaImage Grid(ulong seed, int width, int height, int columns = 2, int rows = 2)
    {
        var random = new SeededRandom(seed);
        var image = new RgbaImage(width, height);
        var layout = GridLayout.For(width, height, columns, rows);
        Canvas.FillRect(image, new Rect(0, 0, width, height), Rgb.White);
        var baseHue = random.Between(0, 360);
        var firstShape = random.Next(Shapes.Length);
        var cells = layout.Cells();
        for (var i = 0; i < cells.Count; i++)
        {
            var hue = baseHue + (i * (360.0 / cells.Count)) + random.Between(-12, 12);
            DrawScene(image, cells[i], hue, Shapes[(firstShape + i) % Shapes.Length], random);
        }

        return image;
    }

    public static RgbaImage Single(ulong seed, int width, int height)
    {
        var random = new SeededRandom(seed);
        var image = new RgbaImage(width, height);
        var whole = new Rect(0, 0, width, height);
        var hue = random.Between(0, 360);
        Canvas.VerticalGradient(image, whole, Rgb.FromHsv(hue, 0.7, 0.3), Rgb.FromHsv(hue + 30, 0.5, 0.9));

        // One subject straddling both centre lines, so nothing in it reads as four panels.
        var r = Math.Min(width, height) * random.Between(0.28, 0.36);
        Canvas.FillShape(image, Shape.Circle, (width / 2.0) + random.Between(-0.04, 0.04) * width, (height / 2.0) + random.Between(-0.04, 0.04) * height, r, Rgb.FromHsv(hue + 180, 0.55, 0.95), whole);
        var groundTop = (int)(height * random.Between(0.72, 0.8));
        Canvas.VerticalGradient(image, new Rect(0, groundTop, width, height - groundTop), Rgb.FromHsv(hue + 200, 0.6, 0.35), Rgb.FromHsv(hue + 200, 0.7, 0.15));
        return image;
    }

    private static void DrawScene(RgbaImage image, Rect cell, double hue, Shape shape, SeededRandom random)
    {
        Canvas.VerticalGradient(image, cell, Rgb.FromHsv(hue, 0.75, 0.35), Rgb.FromHsv(hue, 0.5, 0.9));
        var groundTop = cell.Y + (int)(cell.Height * random.Between(0.65, 0.8));
        Canvas.FillRect(image, new Rect(cell.X, groundTop, cell.Width, cell.Bottom - groundTop), Rgb.FromHsv(hue + 20, 0.6, 0.25));
        var r = Math.Min(cell.Width, cell.Height) * random.Between(0.18, 0.28);
        var cx = cell.X + (cell.Width * random.Between(0.35, 0.65));
        var cy = cell.Y + (cell.Height * random.Between(0.35, 0.55));
        Canvas.FillShape(image, shape, cx, cy, r, Rgb.FromHsv(hue + 180, 0.6, 0.97), cell);
    }
}
