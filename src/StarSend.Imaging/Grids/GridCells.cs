namespace StarSend.Imaging.Grids;

/// <summary>
/// Cuts an N×N grid into cells. Cells are addressed by zero-based row and column from the top-left. Each side is cut
/// into N parts of floor(side / N) pixels; when a side is not divisible by N, the last row/column takes the
/// remainder. With <c>trimGutters</c>, uniform-colour bands (gutters) at the inner cuts are left out of the cells;
/// see <see cref="GridLayout"/>.
/// </summary>
public static class GridCells
{
    public static RgbaImage Extract(RgbaImage image, int row, int col, int gridSize = 2, bool trimGutters = false) =>
        GridLayout.Compute(image, gridSize, trimGutters).Cell(row, col).Crop(image);

    /// <summary>Extracts every cell and encodes them to PNG in parallel (Skia, <see cref="PngSettings"/>); the list is in row-major order.</summary>
    public static IReadOnlyList<byte[]> ExtractAllAsPng(RgbaImage image, int gridSize = 2, bool trimGutters = false)
    {
        var layout = GridLayout.Compute(image, gridSize, trimGutters);
        var cells = new byte[gridSize * gridSize][];
        Parallel.For(0, cells.Length, i => cells[i] = layout.Cell(i / gridSize, i % gridSize).EncodePng(image));
        return cells;
    }
}
