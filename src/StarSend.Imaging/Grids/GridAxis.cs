namespace StarSend.Imaging.Grids;

/// <summary>
/// The image seen along one axis: "lines" are columns (for vertical dividers) or rows (for horizontal ones),
/// "position" indexes lines and "offset" runs along a line.
/// </summary>
internal readonly struct GridAxis(RgbaImage image, bool columns)
{
    public RgbaImage Image { get; } = image;

    public bool Columns { get; } = columns;

    public int Lines => Columns ? Image.Width : Image.Height;

    public int Length => Columns ? Image.Height : Image.Width;

    public string Name => Columns ? "vertical" : "horizontal";

    public int Index(int position, int offset) => ((Columns ? (offset * Image.Width) + position : (position * Image.Width) + offset)) * 4;

    /// <summary>Mean colour of lines [from, to) over offsets [start, end).</summary>
    public Rgb Mean(int from, int to, int start, int end)
    {
        var pixels = Image.Pixels;
        float r = 0, g = 0, b = 0;
        for (var position = from; position < to; position++)
        {
            for (var offset = start; offset < end; offset++)
            {
                var i = Index(position, offset);
                r += pixels[i];
                g += pixels[i + 1];
                b += pixels[i + 2];
            }
        }

        var n = (float)(to - from) * (end - start);
        return new Rgb(r / n, g / n, b / n);
    }
}
