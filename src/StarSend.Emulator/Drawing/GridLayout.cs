namespace StarSend.Emulator.Drawing;

/// <summary>
/// Where the cells of a grid sit (2x2 unless a fault asks for another layout): white gutters between them, the last
/// row/column takes any remainder.
/// </summary>
internal sealed record GridLayout(int Width, int Height, int Gutter, int Columns = 2, int Rows = 2)
{
    public static GridLayout For(int width, int height, int columns = 2, int rows = 2) =>
        new(width, height, Math.Max(8, Math.Min(width, height) / 64), columns, rows);

    public int CellWidth => (Width - ((Columns - 1) * Gutter)) / Columns;

    public int CellHeight => (Height - ((Rows - 1) * Gutter)) / Rows;

    /// <summary>Cell rectangles in reading order: r0c0, r0c1, ..., r1c0, ...</summary>
    public IReadOnlyList<Rect> Cells()
    {
        var cells = new List<Rect>(Columns * Rows);
        for (var row = 0; row < Rows; row++)
        {
            for (var col = 0; col < Columns; col++)
            {
                var x = col * (CellWidth + Gutter);
                var y = row * (CellHeight + Gutter);
                cells.Add(new Rect(x, y, col == Columns - 1 ? Width - x : CellWidth, row == Rows - 1 ? Height - y : CellHeight));
            }
        }

        return cells;
    }
}
