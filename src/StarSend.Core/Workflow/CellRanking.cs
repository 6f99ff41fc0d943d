using System.Globalization;
using StarSend.Core.Plans;
using StarSend.Imaging;

namespace StarSend.Core.Workflow;

/// <summary>
/// <c>run --pick auto</c>: ranks the four cells of a grid as start frames, by what the video model and the take need.
/// A cell is eligible when Kling can take it (at least <see cref="PlanLimits.MinImageSide"/> px a side, aspect within
/// 1:2.5–2.5:1) and at most <see cref="MaxBlankShare"/> of it is flat (gutter or blank). Eligible cells score
/// <c>sharpness / sharpest − 2 × |ln(aspect / plan aspect)| − blank share</c>; the highest wins, ties to reading order.
/// Sharpness is the mean absolute 4-neighbour Laplacian of luminance (0–255 scale) on a sample grid; blank share is the
/// share of 16×16 tiles that are flat (luminance standard deviation under <see cref="FlatTileStdDev"/>) and paper-white
/// or black (mean luminance at least <see cref="PaperLuma"/> or at most <see cref="InkLuma"/>): gutter and empty canvas,
/// not a flat sky of colour. When the sequence has a start-frame analysis (issue #15: "closeness to the sequence's
/// dominant colours from the analysis, if there is one"), each eligible cell also gains its colour share: the share
/// (0–1) of its sampled pixels whose nearest named colour (<see cref="ColourNames"/>) is one of the analysis's
/// <c>dominant_colors</c>. Without an analysis, or when it names no colour the table knows, the reason says colour
/// closeness was not scored.
/// </summary>
public static class CellRanking
{
    /// <summary>A tile whose luminance varies less than this (standard deviation, 0–255) is flat.</summary>
    public const double FlatTileStdDev = 4;

    /// <summary>A flat tile this bright (0–255) is white gutter or empty canvas.</summary>
    public const double PaperLuma = 230;

    /// <summary>A flat tile this dark (0–255) is black gutter or an empty frame.</summary>
    public const double InkLuma = 25;

    /// <summary>A cell flatter than this share is mostly gutter or blank and is never picked.</summary>
    public const double MaxBlankShare = 0.5;

    private const int Tiles = 16;
    private const int Samples = 256;

    /// <summary>The measures of one cell; <see cref="Score"/> is null when the cell is not eligible.</summary>
    public sealed record CellScore(GridCell Cell, int Width, int Height, double Sharpness, double Aspect, double BlankShare, double? Score)
    {
        /// <summary>Share (0–1) of the cell's pixels nearest to one of the analysis's dominant colours; null when not scored.</summary>
        public double? ColourShare { get; init; }
    }

    /// <summary>The colours an analysis names and which analysis it is (for the reason), e.g. <c>analysis 2</c>.</summary>
    public sealed record DominantColours(string Source, IReadOnlyList<string> Colours);

    /// <summary>The winner and a one-line reason naming every cell's measures; null when no cell is eligible.</summary>
    public sealed record Ranking(GridCell? Best, IReadOnlyList<CellScore> Cells, string Reason);

    /// <summary>Ranks <paramref name="cells"/> (cell and its cropped image, in reading order) for a plan aspect like <c>16:9</c>.</summary>
    public static Ranking Rank(IReadOnlyList<(GridCell Cell, RgbaImage Image)> cells, string planAspect, DominantColours? colours = null)
    {
        var target = ParseAspect(planAspect);
        var wanted = (colours?.Colours ?? []).Select(ColourNames.Find).OfType<int>().ToHashSet();
        var measured = cells.Select(c => (c.Cell, c.Image, Sharpness: Sharpness(c.Image), Aspect: (double)c.Image.Width / c.Image.Height, Blank: BlankShare(c.Image))).ToList();
        var sharpest = Math.Max(1e-9, measured.Max(m => m.Sharpness));
        var scores = measured.Select(m =>
        {
            var eligible = m.Image.Width >= PlanLimits.MinImageSide && m.Image.Height >= PlanLimits.MinImageSide
                && m.Aspect >= PlanLimits.MinAspect && m.Aspect <= PlanLimits.MaxAspect && m.Blank <= MaxBlankShare;
            double? share = wanted.Count > 0 ? ColourShare(m.Image, wanted) : null;
            double? score = eligible ? (m.Sharpness / sharpest) - (2 * Math.Abs(Math.Log(m.Aspect / target))) - m.Blank + (share ?? 0) : null;
            return new CellScore(m.Cell, m.Image.Width, m.Image.Height, m.Sharpness, m.Aspect, m.Blank, score) { ColourShare = share };
        }).ToList();
        var best = scores.Where(s => s.Score is not null).OrderByDescending(s => s.Score).FirstOrDefault();
        var detail = string.Join("; ", scores.Select(s => string.Create(
            CultureInfo.InvariantCulture,
            $"{s.Cell} sharpness {s.Sharpness:0.0}, aspect {s.Aspect:0.00}, {s.BlankShare:P0} blank{(s.ColourShare is { } c ? $", {c:P0} in the colours" : string.Empty)}{(s.Score is { } v ? $", score {v:0.00}" : ", not eligible")}")));
        var colourNote = wanted.Count > 0
            ? $"colour share added: closeness to {colours!.Source}'s dominant colours ({string.Join(", ", colours.Colours)})"
            : colours is null ? "no analysis, colour closeness not scored" : $"{colours.Source} names no colour StarSend knows ({string.Join(", ", colours.Colours)}), colour closeness not scored";
        var reason = best is null
            ? $"no cell is eligible ({detail})"
            : string.Create(CultureInfo.InvariantCulture, $"auto: {best.Cell} scored highest (sharpness/sharpest − 2×|ln(aspect/{planAspect})| − blank share{(wanted.Count > 0 ? " + colour share" : string.Empty)}): {detail}; {colourNote}");
        return new Ranking(best?.Cell, scores, reason);
    }

    /// <summary><c>16:9</c> → 1.777…; anything unreadable counts as 16:9, the plan default.</summary>
    public static double ParseAspect(string aspect)
    {
        var parts = aspect.Split(':');
        return parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var w)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var h) && w > 0 && h > 0
            ? w / h
            : 16.0 / 9;
    }

    /// <summary>Share (0–1) of about <see cref="Samples"/>² sampled pixels whose nearest named colour is in <paramref name="wanted"/> (indexes in <see cref="ColourNames.All"/>).</summary>
    public static double ColourShare(RgbaImage image, IReadOnlySet<int> wanted)
    {
        var stepX = Math.Max(1, image.Width / Samples);
        var stepY = Math.Max(1, image.Height / Samples);
        long hits = 0, n = 0;
        var p = image.Pixels;
        for (var y = 0; y < image.Height; y += stepY)
        {
            for (var x = 0; x < image.Width; x += stepX)
            {
                var i = ((y * image.Width) + x) * 4;
                hits += wanted.Contains(ColourNames.Nearest(p[i], p[i + 1], p[i + 2])) ? 1 : 0;
                n++;
            }
        }

        return n == 0 ? 0 : hits / (double)n;
    }

    /// <summary>Mean absolute Laplacian of luminance over about <see cref="Samples"/>² interior points.</summary>
    public static double Sharpness(RgbaImage image)
    {
        if (image.Width < 3 || image.Height < 3)
        {
            return 0;
        }

        var stepX = Math.Max(1, (image.Width - 2) / Samples);
        var stepY = Math.Max(1, (image.Height - 2) / Samples);
        double sum = 0;
        long n = 0;
        for (var y = 1; y < image.Height - 1; y += stepY)
        {
            for (var x = 1; x < image.Width - 1; x += stepX)
            {
                var c = Luma(image, x, y);
                sum += Math.Abs((4 * c) - Luma(image, x - 1, y) - Luma(image, x + 1, y) - Luma(image, x, y - 1) - Luma(image, x, y + 1));
                n++;
            }
        }

        return n == 0 ? 0 : sum / n;
    }

    /// <summary>Share (0–1) of the 16×16 tiles that are flat and white or black (gutter, empty canvas).</summary>
    public static double BlankShare(RgbaImage image)
    {
        var flat = 0;
        for (var ty = 0; ty < Tiles; ty++)
        {
            for (var tx = 0; tx < Tiles; tx++)
            {
                int x0 = tx * image.Width / Tiles, x1 = Math.Max(x0 + 1, (tx + 1) * image.Width / Tiles);
                int y0 = ty * image.Height / Tiles, y1 = Math.Max(y0 + 1, (ty + 1) * image.Height / Tiles);
                var stepX = Math.Max(1, (x1 - x0) / 16);
                var stepY = Math.Max(1, (y1 - y0) / 16);
                double sum = 0, squares = 0;
                var n = 0;
                for (var y = y0; y < Math.Min(y1, image.Height); y += stepY)
                {
                    for (var x = x0; x < Math.Min(x1, image.Width); x += stepX)
                    {
                        var l = Luma(image, x, y);
                        sum += l;
                        squares += l * l;
                        n++;
                    }
                }

                var mean = sum / Math.Max(1, n);
                if (Math.Sqrt(Math.Max(0, (squares / Math.Max(1, n)) - (mean * mean))) < FlatTileStdDev && (mean >= PaperLuma || mean <= InkLuma))
                {
                    flat++;
                }
            }
        }

        return flat / (double)(Tiles * Tiles);
    }

    private static double Luma(RgbaImage image, int x, int y)
    {
        var i = ((y * image.Width) + x) * 4;
        var p = image.Pixels;
        return (0.2126 * p[i]) + (0.7152 * p[i + 1]) + (0.0722 * p[i + 2]);
    }
}
