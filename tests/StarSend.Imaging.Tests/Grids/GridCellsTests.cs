using StarSend.Imaging.Grids;
using StarSend.Imaging.Tests.Synthetic;

namespace StarSend.Imaging.Tests.Grids;

public sealed class GridCellsTests
{
    [Fact]
    public void Extract_EvenTwoByTwo_ReturnsQuadrants()
    {
        var image = Coordinates(100, 80);

        var cell = GridCells.Extract(image, row: 1, col: 0);

        (cell.Width, cell.Height).Should().Be((50, 40));
        Pixel(cell, 0, 0).Should().Be(Pixel(image, 0, 40));
        Pixel(cell, 49, 39).Should().Be(Pixel(image, 49, 79));
    }

    [Fact]
    public void Extract_ThreeByThreeNotDivisible_LastRowAndColumnTakeTheRemainder()
    {
        var image = Coordinates(101, 103);

        var middle = GridCells.Extract(image, 1, 1, gridSize: 3);
        var last = GridCells.Extract(image, 2, 2, gridSize: 3);

        (middle.Width, middle.Height).Should().Be((33, 34));
        (last.Width, last.Height).Should().Be((35, 35));
        Pixel(middle, 0, 0).Should().Be(Pixel(image, 33, 34));
        Pixel(last, 0, 0).Should().Be(Pixel(image, 66, 68));
        Pixel(last, 34, 34).Should().Be(Pixel(image, 100, 102));
    }

    [Theory]
    [InlineData(64, 64, 1)]
    [InlineData(65, 47, 2)]
    [InlineData(99, 100, 4)]
    [InlineData(37, 41, 5)]
    public void Extract_EveryCell_TilesTheImageExactly(int width, int height, int gridSize)
    {
        var image = Coordinates(width, height);
        var rebuilt = new RgbaImage(width, height);

        var y = 0;
        for (var row = 0; row < gridSize; row++)
        {
            var x = 0;
            var rowHeight = 0;
            for (var col = 0; col < gridSize; col++)
            {
                var cell = GridCells.Extract(image, row, col, gridSize);
                SyntheticImages.Paste(rebuilt, cell, x, y);
                x += cell.Width;
                rowHeight = cell.Height;
            }

            x.Should().Be(width);
            y += rowHeight;
        }

        y.Should().Be(height);
        rebuilt.Pixels.Should().Equal(image.Pixels);
    }

    [Fact]
    public void Extract_TrimGutters_LeavesGuttersOut()
    {
        var (grid, panels) = GutterGrid(cell: 90, gutter: 10, border: 0, offset: 0);

        for (var i = 0; i < 4; i++)
        {
            var cell = GridCells.Extract(grid, i / 2, i % 2, trimGutters: true);

            cell.Pixels.Should().Equal(panels[i].Pixels, $"cell {i} is exactly panel {i}");
        }
    }

    [Fact]
    public void Extract_TrimGuttersOffCentre_FollowsTheGutter()
    {
        var (grid, panels) = GutterGrid(cell: 90, gutter: 6, border: 0, offset: 9);

        var right = GridCells.Extract(grid, 0, 1, trimGutters: true);
        var bottomLeft = GridCells.Extract(grid, 1, 0, trimGutters: true);

        right.Pixels.Should().Equal(panels[1].Pixels);
        bottomLeft.Pixels.Should().Equal(panels[2].Pixels);
    }

    [Fact]
    public void Extract_TrimGuttersWithOuterBorder_KeepsTheBorder()
    {
        var (grid, _) = GutterGrid(cell: 90, gutter: 8, border: 8, offset: 0);

        var cell = GridCells.Extract(grid, 0, 0, trimGutters: true);

        (cell.Width, cell.Height).Should().Be((98, 98));
        Pixel(cell, 0, 0).Should().Be(Pixel(grid, 0, 0));
        Pixel(cell, 97, 97).Should().Be(Pixel(grid, 97, 97));
    }

    [Fact]
    public void Extract_TrimGuttersOnHardSeams_KeepsTheEvenSplit()
    {
        var image = SyntheticImages.Photo(120, 80, seed: 4);

        var trimmed = GridCells.Extract(image, 1, 1, trimGutters: true);

        trimmed.Pixels.Should().Equal(GridCells.Extract(image, 1, 1).Pixels);
    }

    [Fact]
    public void Extract_TrimGuttersThreeByThree_LeavesEveryInnerGutterOut()
    {
        var grid = SyntheticImages.Solid(3 * 60 + 2 * 5, 3 * 60 + 2 * 5, 20, 20, 20);
        var panels = new RgbaImage[9];
        for (var i = 0; i < 9; i++)
        {
            panels[i] = SyntheticImages.Photo(60, 60, seed: 100 + i);
            SyntheticImages.Paste(grid, panels[i], (i % 3) * 65, (i / 3) * 65);
        }

        for (var i = 0; i < 9; i++)
        {
            GridCells.Extract(grid, i / 3, i % 3, gridSize: 3, trimGutters: true).Pixels.Should().Equal(panels[i].Pixels);
        }
    }

    [Theory]
    [InlineData(-1, 0, 2)]
    [InlineData(0, 2, 2)]
    [InlineData(0, 0, 0)]
    [InlineData(0, 0, 11)]
    public void Extract_OutOfRange_Throws(int row, int col, int gridSize)
    {
        var act = () => GridCells.Extract(Coordinates(10, 10), row, col, gridSize);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void ExtractAllAsPng_EncodesEveryCellInRowMajorOrder()
    {
        var (grid, _) = GutterGrid(cell: 70, gutter: 6, border: 0, offset: 0);

        var cells = GridCells.ExtractAllAsPng(grid, gridSize: 2, trimGutters: true);

        cells.Should().HaveCount(4);
        for (var i = 0; i < 4; i++)
        {
            ImageCodec.Decode(cells[i]).Pixels.Should().Equal(GridCells.Extract(grid, i / 2, i % 2, trimGutters: true).Pixels);
        }
    }

    /// <summary>Every pixel different: red and green are x and y, blue holds their high bits.</summary>
    internal static RgbaImage Coordinates(int width, int height)
    {
        var image = new RgbaImage(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var p = image.Row(y).Slice(x * 4, 4);
                (p[0], p[1], p[2], p[3]) = ((byte)x, (byte)y, (byte)((x >> 8) | ((y >> 8) << 4)), 255);
            }
        }

        return image;
    }

    internal static (RgbaImage Grid, RgbaImage[] Panels) GutterGrid(int cell, int gutter, int border, int offset)
    {
        var size = (2 * cell) + gutter + (2 * border);
        var grid = SyntheticImages.Solid(size + offset, size + offset, 250, 250, 250);
        var panels = new RgbaImage[4];
        for (var i = 0; i < 4; i++)
        {
            var (w, h) = (cell + ((i % 2) == 0 ? offset : 0), cell + ((i / 2) == 0 ? offset : 0));
            panels[i] = SyntheticImages.Photo(w, h, seed: 10 + i);
            var x = border + ((i % 2) * (cell + offset + gutter));
            var y = border + ((i / 2) * (cell + offset + gutter));
            SyntheticImages.Paste(grid, panels[i], x, y);
        }

        return (grid, panels);
    }

    private static (byte, byte, byte, byte) Pixel(RgbaImage image, int x, int y)
    {
        var p = image.Row(y).Slice(x * 4, 4);
        return (p[0], p[1], p[2], p[3]);
    }
}
