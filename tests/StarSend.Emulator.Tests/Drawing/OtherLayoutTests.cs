using StarSend.Emulator.Drawing;
using StarSend.Imaging.Grids;

namespace StarSend.Emulator.Tests.Drawing;

/// <summary>The grid-3x3 fault's picture: nine panels that StarSend's detector names as a 3x3 layout, at the sizes Gemini returns.</summary>
public sealed class OtherLayoutTests
{
    [Theory]
    [InlineData(1376, 768)]
    [InlineData(2816, 1536)]
    [InlineData(1024, 1024)]
    public void Grid3x3_IsNamedAsA3x3Layout_NotTakenForA2x2Grid(int width, int height)
    {
        var image = KeyframeArt.Grid(42, width, height, 3, 3);

        var detection = GridDetector.Detect(image);

        detection.IsGrid.Should().BeFalse(detection.Reason);
        detection.Layout.Should().Be("3x3", detection.Reason);
    }

    [Fact]
    public void Grid2x2_IsStillAGrid()
    {
        GridDetector.Detect(KeyframeArt.Grid(42, 2816, 1536)).IsGrid.Should().BeTrue();
    }
}
