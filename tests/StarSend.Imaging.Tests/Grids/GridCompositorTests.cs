using StarSend.Imaging.Grids;
using StarSend.Imaging.Tests.Synthetic;

namespace StarSend.Imaging.Tests.Grids;

public sealed class GridCompositorTests
{
    private static readonly RgbaImage[] Four =
    [
        SyntheticImages.Photo(300, 200, seed: 1),
        SyntheticImages.Photo(160, 160, seed: 2),
        SyntheticImages.Photo(90, 120, seed: 3),
        SyntheticImages.Photo(256, 256, seed: 4),
    ];

    [Fact]
    public void Compose_FourPictures_HasCellsAndGutterSize()
    {
        var grid = GridCompositor.Compose(Four, 200, 150, gutter: 12);

        (grid.Width, grid.Height).Should().Be((412, 312));
        grid.Row(100).Slice(200 * 4, 12 * 4).ToArray().Should().OnlyContain(b => b == 255);
    }

    [Fact]
    public void Compose_FourPictures_IsDetectedAsGrid()
    {
        var grid = GridCompositor.Compose(Four, 256, 256);

        var detection = GridDetector.Detect(grid);

        detection.IsGrid.Should().BeTrue(detection.Reason);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(0)]
    public void Compose_CellsExtractedBack_MatchTheResizedInputs(int gutter)
    {
        var grid = GridCompositor.Compose(Four, 180, 140, gutter);

        for (var i = 0; i < 4; i++)
        {
            var cell = GridCells.Extract(grid, i / 2, i % 2, trimGutters: true);

            cell.Pixels.Should().Equal(ImageScaler.Resize(Four[i], 180, 140).Pixels, $"cell {i}");
        }
    }

    [Fact]
    public void Compose_ThreeImages_Throws()
    {
        var act = () => GridCompositor.Compose(Four[..3], 10, 10);

        act.Should().Throw<ArgumentException>().WithMessage("*needs 4 images*");
    }
}
