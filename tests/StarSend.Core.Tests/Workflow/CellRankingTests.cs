using StarSend.Core.Workflow;
using StarSend.Imaging;

namespace StarSend.Core.Tests.Workflow;

/// <summary><c>run --pick auto</c>'s criterion on drawn cells: blank loses, the model's aspect wins, then the sharper cell.</summary>
public sealed class CellRankingTests
{
    [Fact]
    public void Rank_BlankCellSharpestOtherwise_PicksTheSharpestNonBlankCell()
    {
        var cells = new[]
        {
            (new GridCell(0, 0), Stripes(640, 360, period: 40)),
            (new GridCell(0, 1), Flat(640, 360, 255)),
            (new GridCell(1, 0), Stripes(640, 360, period: 4)),
            (new GridCell(1, 1), Stripes(640, 360, period: 80)),
        };

        var ranking = CellRanking.Rank(cells, "16:9");

        ranking.Best.Should().Be(new GridCell(1, 0), "finest detail at the right aspect");
        ranking.Cells[1].Score.Should().BeNull("a white cell is gutter or canvas, never a start frame");
        ranking.Cells[1].BlankShare.Should().Be(1);
        ranking.Reason.Should().Contain("r1c0 scored highest").And.Contain("r0c1 sharpness 0.0, aspect 1.78, 100 % blank, not eligible");
    }

    [Fact]
    public void Rank_SharperCellOfTheWrongShape_LosesToTheOneTheModelNeeds()
    {
        var cells = new[]
        {
            (new GridCell(0, 0), Stripes(360, 640, period: 4)),
            (new GridCell(0, 1), Stripes(640, 360, period: 40)),
        };

        var ranking = CellRanking.Rank(cells, "16:9");

        ranking.Best.Should().Be(new GridCell(0, 1));
        ranking.Cells[0].Sharpness.Should().BeGreaterThan(ranking.Cells[1].Sharpness);
    }

    [Fact]
    public void Rank_EveryCellTooSmallOrBlank_HasNoBest()
    {
        var ranking = CellRanking.Rank([(new GridCell(0, 0), Stripes(200, 120, period: 4)), (new GridCell(0, 1), Flat(640, 360, 0))], "16:9");

        ranking.Best.Should().BeNull();
        ranking.Reason.Should().StartWith("no cell is eligible");
    }

    [Fact]
    public void BlankShare_FlatColourIsNotBlank()
    {
        CellRanking.BlankShare(Flat(640, 360, 120)).Should().Be(0, "a flat mid-grey sky is a picture, not a gutter");
    }

    private static RgbaImage Flat(int width, int height, byte value)
    {
        var image = new RgbaImage(width, height);
        Array.Fill(image.Pixels, value);
        return image;
    }

    private static RgbaImage Stripes(int width, int height, int period)
    {
        var image = new RgbaImage(width, height);
        for (var y = 0; y < height; y++)
        {
            var row = image.Row(y);
            for (var x = 0; x < width; x++)
            {
                byte v = (byte)((x / (period / 2)) % 2 == 0 ? 40 : 200);
                row[(x * 4) + 0] = v;
                row[(x * 4) + 1] = v;
                row[(x * 4) + 2] = v;
                row[(x * 4) + 3] = 255;
            }
        }

        return image;
    }
}
