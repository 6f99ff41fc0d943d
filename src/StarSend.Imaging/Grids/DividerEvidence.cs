namespace StarSend.Imaging.Grids;

/// <summary>
/// The best divider found near one midline: the best gutter (uniform band) and the best hard seam, each with the
/// share of blocks that change clearly across it, taken on the weaker of the two halves.
/// </summary>
internal sealed record DividerEvidence(GridAxis Axis, Gutter? Gutter, double GutterContrast, int Seam, double SeamContrast)
{
    public const double SearchRadius = 0.12;
    public const double MaxGutterWidth = 0.08;

    public double BestContrast => Math.Max(GutterContrast, SeamContrast);

    public static DividerEvidence Find(GridAxis axis)
    {
        var center = axis.Lines / 2;
        var radius = (int)(axis.Lines * SearchRadius);
        var maxWidth = Math.Max(1, (int)(axis.Lines * MaxGutterWidth));
        var gutters = new GutterFinder(axis).Find(center, radius, maxWidth);
        var margin = maxWidth + (axis.Lines / 50) + 4;
        var probe = new DividerContrast(axis, center - radius - margin, center + radius + margin);
        Gutter? bestGutter = null;
        var gutterContrast = 0.0;
        foreach (var gutter in gutters)
        {
            var contrast = Weaker(probe.Measure(gutter.Start, gutter.End));
            if (bestGutter is null || contrast > gutterContrast)
            {
                (bestGutter, gutterContrast) = (gutter, contrast);
            }
        }

        var (seam, seamContrast) = (center, 0.0);
        for (var position = center - radius; position <= center + radius; position++)
        {
            if (gutters.Any(g => position + probe.Reach > g.Start && position - probe.Reach < g.End))
            {
                continue;
            }

            var contrast = Weaker(probe.Measure(position, position));
            if (contrast > seamContrast)
            {
                (seam, seamContrast) = (position, contrast);
            }
        }

        return new DividerEvidence(axis, bestGutter, gutterContrast, seam, seamContrast);
    }

    public string Describe()
    {
        var coordinate = Axis.Columns ? "x" : "y";
        if (Gutter is { } g && GutterContrast >= SeamContrast)
        {
            return $"{Axis.Name} gutter at {coordinate}={g.Start}..{g.End - 1} ({g.Color}, contrast {GutterContrast:F2})";
        }

        return SeamContrast > 0
            ? $"{Axis.Name} seam at {coordinate}={Seam} (contrast {SeamContrast:F2})"
            : $"no {Axis.Name} divider";
    }

    private static double Weaker((double First, double Second) halves) => Math.Min(halves.First, halves.Second);
}
