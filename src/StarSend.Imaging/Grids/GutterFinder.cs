namespace StarSend.Imaging.Grids;

/// <summary>
/// Finds gutters near a position: runs of uniform lines of one colour, no wider than a limit, that stand out from
/// the lines on both sides (so a smooth gradient, where every line is uniform, has none).
/// </summary>
internal sealed class GutterFinder(GridAxis axis)
{
    private readonly LineProfile?[] _profiles = new LineProfile?[axis.Lines];

    public List<Gutter> Find(int center, int radius, int maxWidth)
    {
        Prepare(center - radius - 1, center + radius + 2);
        var gutters = new List<Gutter>();
        var position = Math.Max(1, center - radius);
        var last = Math.Min(axis.Lines - 2, center + radius);
        while (position <= last)
        {
            var seed = Profile(position);
            if (!seed.IsUniform)
            {
                position++;
                continue;
            }

            var (start, end) = (position, position + 1);
            while (start > 0 && end - start <= maxWidth && Continues(Profile(start - 1), seed.Mean))
            {
                start--;
            }

            while (end < axis.Lines && end - start <= maxWidth && Continues(Profile(end), seed.Mean))
            {
                end++;
            }

            position = end;
            if (end - start <= maxWidth && start > 0 && end < axis.Lines
                && StandsOut(Profile(start - 1), seed.Mean) && StandsOut(Profile(end), seed.Mean))
            {
                gutters.Add(new Gutter(start, end, seed.Mean));
            }
        }

        return gutters;
    }

    /// <summary>The gutter whose centre is nearest <paramref name="center"/>, if any.</summary>
    public Gutter? Nearest(int center, int radius, int maxWidth)
    {
        Gutter? best = null;
        foreach (var gutter in Find(center, radius, maxWidth))
        {
            if (best is null || Math.Abs(gutter.Center - center) < Math.Abs(best.Value.Center - center))
            {
                best = gutter;
            }
        }

        return best;
    }

    private static bool Continues(LineProfile line, Rgb color) =>
        line.IsUniform && line.Mean.MaxDifference(color) <= LineProfile.Tolerance / 2;

    private static bool StandsOut(LineProfile line, Rgb color) =>
        !line.IsUniform || line.Mean.MaxDifference(color) > LineProfile.Tolerance * 2;

    private void Prepare(int from, int to)
    {
        (from, to) = (Math.Max(0, from), Math.Min(axis.Lines, to));
        if (from < to && _profiles[from] is null)
        {
            var profiles = LineProfile.Measure(axis, from, to);
            for (var i = 0; i < profiles.Length; i++)
            {
                _profiles[from + i] = profiles[i];
            }
        }
    }

    private LineProfile Profile(int position) => _profiles[position] ??= LineProfile.Measure(axis, position, position + 1)[0];
}
