namespace StarSend.Emulator.Drawing;

/// <summary>Where the four cells of a 2x2 grid sit: white gutters between them, the last row/column takes any remainder.</summary>
internal sealed record GridLayout(int Width, int Height, int Gutter)
{
    public static GridLayout For(int width, int height) => new(width, height, Math.Max(8, Math.Min(width, height) / 64));

    public int CellWidth => (Width - Gutter) / 2;

    public int CellHeight => (Height - Gutter) / 2;

    /// <summary>Cell rectangles in reading order: r0c0, r0c1, r1c0, r1c1.</summary>
    public IReadOnlyList<Rect> Cells()
    {
        var secondX = CellWidth + Gutter;
        var secondY = CellHeight + Gutter;
        return
        [
            new Rect(0, 0, CellWidth, CellHeight),
            new Rect(secondX, 0, Width - secondX, CellHeight),
            new Rect(0, secondY, CellWidth, Height - secondY),
            new Rect(secondX, secondY, Width - secondX, Height - secondY),
        ];
    }
}
