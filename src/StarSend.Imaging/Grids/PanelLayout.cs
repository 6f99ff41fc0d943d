namespace StarSend.Imaging.Grids;

/// <summary>
/// Another panel layout than 2x2 (a model asked for four panels sometimes draws nine, or a strip of three): gutters of
/// one colour that run the full length of the image, evenly spaced along both axes, counted into columns × rows.
/// Used only to name what came back when an image is not a 2x2 grid; nothing is cut on this evidence.
/// </summary>
public static class PanelLayout
{
    // A gutter this close to an edge is a border, not a divider.
    private const double EdgeMargin = 0.08;

    // Panels may differ in size by this share of the even spacing and still count as one layout.
    private const double SpacingTolerance = 0.25;

    /// <summary>"3x3" (columns x rows) when evenly spaced full-length gutters of one colour divide the image on both axes into a grid other than 2x2; null otherwise.</summary>
    public static string? Describe(RgbaImage image)
    {
        var columns = Panels(new GridAxis(image, columns: true), out var columnColor);
        var rows = Panels(new GridAxis(image, columns: false), out var rowColor);
        // Both axes divided: one band alone is as likely a pole or a horizon as a strip of panels.
        if (columns < 2 || rows < 2 || (columns, rows) == (2, 2))
        {
            return null;
        }

        // Both axes' gutters must be the same paint, as a drawn grid's are (a pole and a horizon are not).
        if (columnColor is { } c && rowColor is { } r && c.MaxDifference(r) > LineProfile.Tolerance)
        {
            return null;
        }

        return $"{columns}x{rows}";
    }

    // Layouts up to this many panels a side are recognised.
    private const int MaxPanels = 6;

    /// <summary>
    /// The most panels along the axis for which every divider of an even split has a gutter of one paint near it; 1
    /// when none does. Other uniform bands (a dark ground running through a row of panels) are ignored.
    /// </summary>
    private static int Panels(GridAxis axis, out Rgb? color)
    {
        color = null;
        var maxWidth = Math.Max(1, (int)(axis.Lines * DividerEvidence.MaxGutterWidth));
        var margin = (int)(axis.Lines * EdgeMargin);
        var gutters = new GutterFinder(axis).Find(axis.Lines / 2, (axis.Lines / 2) - margin, maxWidth)
            .Where(g => g.Start > margin && g.End < axis.Lines - margin)
            .ToList();
        for (var panels = MaxPanels; panels >= 2; panels--)
        {
            var spacing = axis.Lines / (double)panels;
            var dividers = Enumerable.Range(1, panels - 1)
                .Select(k => gutters.Where(g => Math.Abs(g.Center - (spacing * k)) <= spacing * SpacingTolerance).OrderBy(g => Math.Abs(g.Center - (spacing * k))).FirstOrDefault())
                .ToList();
            if (dividers.Any(d => d.Width == 0))
            {
                continue;
            }

            var paint = dividers[0].Color;
            if (dividers.All(d => d.Color.MaxDifference(paint) <= LineProfile.Tolerance))
            {
                color = paint;
                return panels;
            }
        }

        return 1;
    }
}
