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
        var close = new int[count];
        var means = new Rgb[count];
        var image = axis.Image;
        for (var pass = 0; pass < 2; pass++)
        {
            for (var line = 0; line < (axis.Columns ? image.Height : count); line++)
            {
                var row = image.Row(axis.Columns ? line : from + line);
                var (start, end) = axis.Columns ? (from, to) : (0, image.Width);
                for (var x = start; x < end; x++)
                {
                    var target = axis.Columns ? x - from : line;
                    var pixel = row.Slice(x * 4, 3);
                    if (pass == 0)
                    {
                        sums[target * 3] += pixel[0];
                        sums[(target * 3) + 1] += pixel[1];
                        sums[(target * 3) + 2] += pixel[2];
                    }
                    else if (IsClose(pixel, means[target]))
                    {
                        close[target]++;
                    }
                }
            }

            for (var i = 0; pass == 0 && i < count; i++)
            {
                means[i] = new Rgb(sums[i * 3] / axis.Length, sums[(i * 3) + 1] / axis.Length, sums[(i * 3) + 2] / axis.Length);
            }
        }

        var profiles = new LineProfile[count];
        for (var i = 0; i < count; i++)
        {
            profiles[i] = new LineProfile(means[i], close[i] / (float)axis.Length);
        }

        return profiles;
    }

    private static bool IsClose(ReadOnlySpan<byte> pixel, Rgb mean) =>
        Math.Abs(pixel[0] - mean.R) <= Tolerance && Math.Abs(pixel[1] - mean.G) <= Tolerance && Math.Abs(pixel[2] - mean.B) <= Tolerance;
}
