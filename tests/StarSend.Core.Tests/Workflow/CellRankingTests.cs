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
    public void Rank_WithAnAnalysis_TheCellInItsDominantColoursBeatsASharperOne()
    {
        var cells = new[]
        {
            (new GridCell(0, 0), Stripes(640, 360, period: 8, (30, 140, 140), (20, 20, 20))),
            (new GridCell(0, 1), Stripes(640, 360, period: 8, (200, 40, 40), (240, 240, 240))),
        };

        var plain = CellRanking.Rank(cells, "16:9");
        var analysed = CellRanking.Rank(cells, "16:9", new CellRanking.DominantColours("analysis 1", ["deep teal", "amber glow"]));
        var unknown = CellRanking.Rank(cells, "16:9", new CellRanking.DominantColours("analysis 1", ["ultramarine-ish"]));

        plain.Best.Should().Be(new GridCell(0, 1), "red on white has more contrast");
        plain.Reason.Should().EndWith("no analysis, colour closeness not scored");
        analysed.Best.Should().Be(new GridCell(0, 0), "half of it is the analysis's teal");
        analysed.Cells[0].ColourShare.Should().BeApproximately(0.5, 0.05);
        analysed.Cells[1].ColourShare.Should().Be(0);
        analysed.Reason.Should().Contain("r0c0 sharpness").And.Contain("50 % in the colours").And.EndWith("closeness to analysis 1's dominant colours (deep teal, amber glow)");
        unknown.Best.Should().Be(new GridCell(0, 1));
        unknown.Reason.Should().EndWith("analysis 1 names no colour StarSend knows (ultramarine-ish), colour closeness not scored");
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

    private static RgbaImage Stripes(int width, int height, int period) => Stripes(width, height, period, (40, 40, 40), (200, 200, 200));

    private static RgbaImage Stripes(int width, int height, int period, (byte R, byte G, byte B) a, (byte R, byte G, byte B) b)
    {
        var image = new RgbaImage(width, height);
        for (var y = 0; y < height; y++)
        {
            var row = image.Row(y);
            for (var x = 0; x < width; x++)
            {
                var (r, g, bl) = (x / (period / 2)) % 2 == 0 ? a : b;
                row[(x * 4) + 0] = r;
                row[(x * 4) + 1] = g;
                row[(x * 4) + 2] = bl;
                row[(x * 4) + 3] = 255;
            }
        }

        return image;
    }
}
