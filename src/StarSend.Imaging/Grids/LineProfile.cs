namespace StarSend.Imaging.Grids;

/// <summary>One line's mean colour and the share of its pixels close to that mean: 1 for a drawn gutter.</summary>
internal readonly record struct LineProfile(Rgb Mean, float Uniformity)
{
    public const float Tolerance = 24;
    public const float UniformShare = 0.95f;

    public bool IsUniform => Uniformity >= UniformShare;

    /// <summary>Profiles of lines [from, to), reading the image row by row (columns are measured side by side).</summary>
    public static LineProfile[] Measure(GridAxis axis, int from, int to)
    {
        var count = to - from;
        var sums = new float[count * 3];
        Visit(axis, from, to, (line, pixel) =>
        {
            sums[line * 3] += pixel[0];
            sums[(line * 3) + 1] += pixel[1];
            sums[(line * 3) + 2] += pixel[2];
        });
        var means = new Rgb[count];
        for (var line = 0; line < count; line++)
        {
            means[line] = new Rgb(sums[line * 3] / axis.Length, sums[(line * 3) + 1] / axis.Length, sums[(line * 3) + 2] / axis.Length);
        }

        var close = new int[count];
        Visit(axis, from, to, (line, pixel) =>
        {
            var mean = means[line];
            if (Math.Abs(pixel[0] - mean.R) <= Tolerance && Math.Abs(pixel[1] - mean.G) <= Tolerance
                && Math.Abs(pixel[2] - mean.B) <= Tolerance)
            {
                close[line]++;
            }
        });
        var profiles = new LineProfile[count];
        for (var line = 0; line < count; line++)
        {
            profiles[line] = new LineProfile(means[line], close[line] / (float)axis.Length);
        }

        return profiles;
    }

    private static void Visit(GridAxis axis, int from, int to, PixelVisitor visit)
    {
        var image = axis.Image;
        if (axis.Columns)
        {
            for (var y = 0; y < image.Height; y++)
            {
                var row = image.Row(y);
                for (var x = from; x < to; x++)
                {
                    visit(x - from, row.Slice(x * 4, 3));
                }
            }
        }
        else
        {
            for (var y = from; y < to; y++)
            {
                var row = image.Row(y);
                for (var x = 0; x < image.Width; x++)
                {
                    visit(y - from, row.Slice(x * 4, 3));
                }
            }
        }
    }

    private delegate void PixelVisitor(int line, ReadOnlySpan<byte> pixel);
}
