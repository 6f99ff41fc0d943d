namespace StarSend.Imaging.Grids;

/// <summary>One line's mean colour and the share of its pixels close to that mean: 1 for a drawn gutter.</summary>
internal readonly record struct LineProfile(Rgb Mean, float Uniformity)
{
    public const float Tolerance = 24;
    public const float UniformShare = 0.95f;

    public bool IsUniform => Uniformity >= UniformShare;

    public static LineProfile Measure(GridAxis axis, int position)
    {
        var mean = axis.Mean(position, position + 1, 0, axis.Length);
        var pixels = axis.Image.Pixels;
        var close = 0;
        for (var offset = 0; offset < axis.Length; offset++)
        {
            var i = axis.Index(position, offset);
            if (Math.Abs(pixels[i] - mean.R) <= Tolerance && Math.Abs(pixels[i + 1] - mean.G) <= Tolerance
                && Math.Abs(pixels[i + 2] - mean.B) <= Tolerance)
            {
                close++;
            }
        }

        return new LineProfile(mean, close / (float)axis.Length);
    }
}
