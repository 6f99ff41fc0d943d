using StarSend.Emulator.Drawing;
using StarSend.Imaging;

namespace StarSend.Emulator.Tests.Drawing;

public class KeyframeArtTests
{
    [Fact]
    public void Grid_HasWhiteGuttersAndFourDifferentCells()
    {
        var image = KeyframeArt.Grid(SeededRandom.SeedFrom("a harbour at dawn, 2x2 grid"), 1344, 768);
        var layout = GridLayout.For(1344, 768);

        var gutterX = layout.CellWidth + (layout.Gutter / 2);
        var gutterY = layout.CellHeight + (layout.Gutter / 2);
        Enumerable.Range(0, image.Height).Should().OnlyContain(y => IsWhite(image, gutterX, y));
        Enumerable.Range(0, image.Width).Should().OnlyContain(x => IsWhite(image, x, gutterY));
        var means = layout.Cells().Select(c => Mean(image, c)).ToList();
        for (var i = 0; i < 4; i++)
        {
            for (var j = i + 1; j < 4; j++)
            {
                Distance(means[i], means[j]).Should().BeGreaterThan(20, $"cells {i} and {j} must differ visibly");
            }
        }
    }

    [Fact]
    public void Single_HasNoGutterAcrossTheMiddle()
    {
        var image = KeyframeArt.Single(SeededRandom.SeedFrom("one portrait"), 1024, 1024);

        Enumerable.Range(0, image.Height).Count(y => IsWhite(image, 512, y)).Should().BeLessThan(image.Height / 4);
        Enumerable.Range(0, image.Width).Count(x => IsWhite(image, x, 512)).Should().BeLessThan(image.Width / 4);
    }

    [Fact]
    public void Grid_SameSeedSamePixels_OtherSeedOtherPixels()
    {
        var a = KeyframeArt.Grid(SeededRandom.SeedFrom("prompt"), 256, 256).Pixels;
        var b = KeyframeArt.Grid(SeededRandom.SeedFrom("prompt"), 256, 256).Pixels;
        var c = KeyframeArt.Grid(SeededRandom.SeedFrom("another prompt"), 256, 256).Pixels;

        a.Should().Equal(b);
        a.SequenceEqual(c).Should().BeFalse();
    }

    private static bool IsWhite(RgbaImage image, int x, int y)
    {
        var p = image.Row(y).Slice(x * 4, 4);
        return p[0] == 255 && p[1] == 255 && p[2] == 255;
    }

    private static (double R, double G, double B) Mean(RgbaImage image, Rect cell)
    {
        double r = 0, g = 0, b = 0;
        for (var y = cell.Y; y < cell.Bottom; y++)
        {
            var row = image.Row(y);
            for (var x = cell.X; x < cell.Right; x++)
            {
                r += row[x * 4];
                g += row[(x * 4) + 1];
                b += row[(x * 4) + 2];
            }
        }

        var n = (double)cell.Width * cell.Height;
        return (r / n, g / n, b / n);
    }

    private static double Distance((double R, double G, double B) a, (double R, double G, double B) b) =>
        Math.Sqrt(Math.Pow(a.R - b.R, 2) + Math.Pow(a.G - b.G, 2) + Math.Pow(a.B - b.B, 2));
}
