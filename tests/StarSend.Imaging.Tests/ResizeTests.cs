using StarSend.Imaging.Tests.Synthetic;

namespace StarSend.Imaging.Tests;

public sealed class ResizeTests
{
    [Fact]
    public void To_SameSize_ReturnsAnEqualCopy()
    {
        var image = SyntheticImages.Photo(31, 17, seed: 1);

        var copy = Resize.To(image, 31, 17);

        copy.Pixels.Should().Equal(image.Pixels).And.NotBeSameAs(image.Pixels);
    }

    [Fact]
    public void To_HalfSize_AveragesEachTwoByTwoBlock()
    {
        var image = SyntheticImages.Noise(8, 6, seed: 3);

        var half = Resize.To(image, 4, 3);

        for (var y = 0; y < 3; y++)
        {
            for (var x = 0; x < 4; x++)
            {
                for (var c = 0; c < 3; c++)
                {
                    var sum = Sample(image, 2 * x, 2 * y, c) + Sample(image, (2 * x) + 1, 2 * y, c)
                        + Sample(image, 2 * x, (2 * y) + 1, c) + Sample(image, (2 * x) + 1, (2 * y) + 1, c);
                    Sample(half, x, y, c).Should().BeCloseTo((int)Math.Round(sum / 4.0, MidpointRounding.AwayFromZero), 1);
                }
            }
        }
    }

    [Fact]
    public void To_ThreeToTwo_WeightsByCoveredArea()
    {
        var image = new RgbaImage(3, 1, [0, 0, 0, 255, 90, 90, 90, 255, 180, 180, 180, 255]);

        var shrunk = Resize.To(image, 2, 1);

        Sample(shrunk, 0, 0, 0).Should().Be(30, "(0 + 90/2) / 1.5");
        Sample(shrunk, 1, 0, 0).Should().Be(150, "(90/2 + 180) / 1.5");
    }

    [Fact]
    public void To_DoubleWidth_InterpolatesBilinearly()
    {
        var image = new RgbaImage(2, 1, [0, 0, 0, 255, 200, 200, 200, 255]);

        var grown = Resize.To(image, 4, 1);

        Enumerable.Range(0, 4).Select(x => Sample(grown, x, 0, 0)).Should().Equal(0, 50, 150, 200);
    }

    [Theory]
    [InlineData(7, 5)]
    [InlineData(50, 90)]
    [InlineData(13, 40)]
    public void To_SolidColour_StaysSolid(int width, int height)
    {
        var image = SyntheticImages.Solid(20, 20, 10, 200, 77);

        var resized = Resize.To(image, width, height);

        (resized.Width, resized.Height).Should().Be((width, height));
        resized.Pixels.Chunk(4).Should().OnlyContain(p => p[0] == 10 && p[1] == 200 && p[2] == 77 && p[3] == 255);
    }

    [Fact]
    public void To_TransparentNeighbour_DoesNotBleedItsColour()
    {
        var image = new RgbaImage(2, 1, [255, 0, 0, 0, 0, 0, 255, 255]);

        var shrunk = Resize.To(image, 1, 1);

        shrunk.Pixels.Should().Equal(0, 0, 255, 128);
    }

    [Fact]
    public void To_ZeroWidth_Throws()
    {
        var act = () => Resize.To(SyntheticImages.Solid(2, 2, 0, 0, 0), 0, 2);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    private static int Sample(RgbaImage image, int x, int y, int channel) => image.Row(y)[(x * 4) + channel];
}
