namespace StarSend.Imaging.Grids;

/// <summary>A band of uniform lines [Start, End) across the whole image: a drawn gutter, or a pole.</summary>
internal readonly record struct Gutter(int Start, int End, Rgb Color)
{
    public int Width => End - Start;

    public double Center => (Start + End) / 2.0;
}
