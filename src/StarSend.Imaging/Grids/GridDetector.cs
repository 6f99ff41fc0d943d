namespace StarSend.Imaging.Grids;

/// <summary>
/// Whether an image is a 2x2 grid, the score behind it (0–1, <see cref="GridDetector.Threshold"/> and up is a grid), why,
/// and, for an image that is not one, the other panel layout it shows ("3x3", columns x rows) when it shows one.
/// </summary>
public sealed record GridDetection(bool IsGrid, double Score, string Reason, string? Layout = null);

/// <summary>
/// Decides whether an image is a 2x2 grid of four distinct panels or one picture. A grid has a divider near each
/// midline that runs the full length of the image: either gutters (uniform bands of one colour on both axes) or
/// hard seams, and the picture changes across each divider in both of its halves. A pole or a horizon gives one
/// divider, or a band the picture continues across, never both.
/// </summary>
public static class GridDetector
{
    public const double Threshold = 0.5;

    private const int MinSide = 48;

    // Two matching gutters are strong evidence on their own: the panels then only need to differ along a tenth of each.
    private const double GutterPairBonus = 0.4;

    public static GridDetection Detect(RgbaImage image)
    {
        if (image.Width < MinSide || image.Height < MinSide)
        {
            return new GridDetection(false, 0, $"image is {image.Width}x{image.Height}, too small to hold a grid");
        }

        var vertical = DividerEvidence.Find(new GridAxis(image, columns: true));
        var horizontal = DividerEvidence.Find(new GridAxis(image, columns: false));
        var score = Math.Min(vertical.BestContrast, horizontal.BestContrast);
        var gutters = vertical.Gutter is { } v && horizontal.Gutter is { } h
            && v.Color.MaxDifference(h.Color) <= LineProfile.Tolerance;
        if (gutters)
        {
            score = Math.Max(score, Math.Min(1, GutterPairBonus + Math.Min(vertical.GutterContrast, horizontal.GutterContrast)));
        }

        // Another layout is checked on every image: a 4x4 has gutters at the midlines too, and cut as 2x2 would give
        // cells of four panels each.
        var layout = PanelLayout.Describe(image);
        var isGrid = score >= Threshold && layout is null;
        var verdict = isGrid ? "2x2 grid" : layout is null ? "not a 2x2 grid" : $"a {layout} layout, not a 2x2 grid";
        return new GridDetection(isGrid, Math.Round(score, 3), $"{verdict}: {vertical.Describe()}; {horizontal.Describe()}", layout);
    }
}
