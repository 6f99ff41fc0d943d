using StarSend.Imaging.Tests.Decoding;
using StarSend.Imaging.Tests.Synthetic;

namespace StarSend.Imaging.Tests;

public sealed class ImageScalerTests
{
    [Theory]
    [InlineData(64, 48)]
    [InlineData(7, 3)]
    [InlineData(300, 200)]
    public void Resize_SolidColour_StaysSolid(int width, int height)
    {
        var image = SyntheticImages.Solid(120, 80, 10, 200, 77);

        var resized = ImageScaler.Resize(image, width, height);

        (resized.Width, resized.Height).Should().Be((width, height));
        resized.Pixels.Chunk(4).Should().OnlyContain(p => Math.Abs(p[0] - 10) <= 1 && Math.Abs(p[1] - 200) <= 1 && Math.Abs(p[2] - 77) <= 1 && p[3] == 255);
    }

    [Fact]
    public void Resize_LargeReduction_KeepsEachQuadrantsColour()
    {
        var image = FormatTests.Quadrants(1600, 1200);

        var small = ImageScaler.Resize(image, 40, 30);

        small.Pixels.AsSpan(((5 * 40) + 5) * 4, 3).ToArray().Should().Equal(230, 20, 20);
        small.Pixels.AsSpan(((25 * 40) + 35) * 4, 3).ToArray().Should().Equal(250, 250, 250);
    }

    [Fact]
    public void Resize_SameSize_ReturnsTheImage()
    {
        var image = SyntheticImages.Solid(10, 10, 1, 2, 3);

        ImageScaler.Resize(image, 10, 10).Should().BeSameAs(image);
    }

    [Fact]
    public void Resize_ZeroWidth_Throws()
    {
        var act = () => ImageScaler.Resize(SyntheticImages.Solid(10, 10, 1, 2, 3), 0, 5);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Theory]
    [InlineData(2048, 1152, 320, 320, 180)]
    [InlineData(1152, 2048, 320, 180, 320)]
    [InlineData(100, 50, 320, 100, 50)]
    public void Fit_LongerEdge_IsAtMostMaxEdge(int width, int height, int maxEdge, int expectedWidth, int expectedHeight)
    {
        ImageScaler.Fit(width, height, maxEdge).Should().Be((expectedWidth, expectedHeight));
    }
}
