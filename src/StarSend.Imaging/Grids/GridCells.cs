namespace StarSend.Imaging.Grids;

/// <summary>
/// Cuts an N×N grid into cells. Cells are addressed by zero-based row and column from the top-left. When a side
/// is not divisible by N, the last row/column takes the remainder.
/// </summary>
public static class GridCells
{
    public static RgbaImage Extract(RgbaImage image, int row, int col, int gridSize = 2, bool trimGutters = false) => throw new NotImplementedException();

    /// <summary>Extracts every cell and encodes them to PNG in parallel, row by row.</summary>
    public static IReadOnlyList<byte[]> ExtractAllAsPng(RgbaImage image, int gridSize = 2, bool trimGutters = false) => throw new NotImplementedException();
}
