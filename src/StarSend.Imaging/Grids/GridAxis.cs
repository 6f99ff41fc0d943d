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
}
