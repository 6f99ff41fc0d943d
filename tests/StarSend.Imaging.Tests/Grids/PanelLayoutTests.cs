using StarSend.Imaging.Grids;
using StarSend.Imaging.Tests.Synthetic;

namespace StarSend.Imaging.Tests.Grids;

/// <summary>Naming a layout other than 2x2 (#8 item 11: "3×3 or other layouts: reported, never cut through faces").</summary>
public sealed class PanelLayoutTests
{
    [Theory]
    [InlineData(3, 3, 1536, 864)]
    [InlineData(3, 2, 1536, 864)]
    [InlineData(4, 4, 1024, 1024)]
    public void Describe_EvenPanelsWithGutters_NamesColumnsByRows_AndTheDetectorSaysSo(int columns, int rows, int width, int height)
    {
        var image = Panels(columns, rows, width, height, seed: columns * 10 + rows);

        PanelLayout.Describe(image).Should().Be($"{columns}x{rows}");
        var detection = GridDetector.Detect(image);
        detection.IsGrid.Should().BeFalse("it is not the 2x2 grid that was asked for");
        detection.Layout.Should().Be($"{columns}x{rows}");
        detection.Reason.Should().StartWith($"a {columns}x{rows} layout, not a 2x2 grid");
    }

    [Fact]
    public void Describe_TwoByTwoGrid_IsNotAnotherLayout()
    {
        PanelLayout.Describe(Panels(2, 2, 1536, 864, seed: 7)).Should().BeNull();
    }

    [Fact]
    public void Describe_PicturesOfTheCorpus_NeverClaimALayout()
    {
        var claimed = GridCorpus.All(6).Where(s => !s.IsGrid).Select(s => (s.Name, Layout: PanelLayout.Describe(s.Image))).Where(s => s.Layout is not null).ToList();

        claimed.Should().BeEmpty("a pole, a horizon or a band is one picture, not a layout of panels");
    }

    private static RgbaImage Panels(int columns, int rows, int width, int height, int seed)
    {
        var image = SyntheticImages.Solid(width, height, 255, 255, 255);
        var gutter = Math.Max(8, Math.Min(width, height) / 64);
        var cellWidth = (width - ((columns - 1) * gutter)) / columns;
        var cellHeight = (height - ((rows - 1) * gutter)) / rows;
        for (var row = 0; row < rows; row++)
        {
            for (var col = 0; col < columns; col++)
            {
                SyntheticImages.Paste(image, SyntheticImages.Photo(cellWidth, cellHeight, seed + (row * columns) + col), col * (cellWidth + gutter), row * (cellHeight + gutter));
            }
        }

        return image;
    }
}
