namespace StarSend.Imaging.Grids;

/// <summary>
/// Where the cells of an N×N grid are. Each side is cut into N equal parts of floor(side / N) pixels and the last
/// row/column also takes the remainder. With gutter trimming, a gutter found near an inner cut (within a sixth of a
/// cell) moves the cut: the cell before ends where the gutter starts and the cell after starts where it ends, so an
/// off-centre gutter is followed too. The outer edges of the image are never trimmed.
/// </summary>
internal sealed class GridLayout
{
    private readonly (int Start, int End)[] _columns;
    private readonly (int Start, int End)[] _rows;

    private GridLayout((int Start, int End)[] columns, (int Start, int End)[] rows)
    {
        _columns = columns;
        _rows = rows;
    }

    public int Size => _columns.Length;

    public static GridLayout Compute(RgbaImage image, int gridSize, bool trimGutters)
    {
        if (gridSize < 1 || gridSize > Math.Min(image.Width, image.Height))
        {
            throw new ArgumentOutOfRangeException(nameof(gridSize), gridSize, $"A {image.Width}x{image.Height} image cannot be cut into {gridSize}x{gridSize} cells.");
        }

        return new GridLayout(
            Split(new GridAxis(image, columns: true), gridSize, trimGutters),
            Split(new GridAxis(image, columns: false), gridSize, trimGutters));
    }

    public PixelRegion Cell(int row, int col)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfNegative(col);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Size);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(col, Size);
        var (x0, x1) = _columns[col];
        var (y0, y1) = _rows[row];
        return new PixelRegion(x0, y0, x1 - x0, y1 - y0);
    }

    private static (int Start, int End)[] Split(GridAxis axis, int parts, bool trimGutters)
    {
        var size = axis.Lines / parts;
        var cells = new (int Start, int End)[parts];
        for (var i = 0; i < parts; i++)
        {
            cells[i] = (i * size, i == parts - 1 ? axis.Lines : (i + 1) * size);
        }

        if (!trimGutters || size < 8)
        {
            return cells;
        }

        var finder = new GutterFinder(axis);
        for (var k = 1; k < parts; k++)
        {
            if (finder.Nearest(k * size, radius: size / 6, maxWidth: size / 4) is { } gutter
                && gutter.Start > cells[k - 1].Start && gutter.End < cells[k].End)
            {
                cells[k - 1].End = gutter.Start;
                cells[k].Start = gutter.End;
            }
        }

        return cells;
    }
}
