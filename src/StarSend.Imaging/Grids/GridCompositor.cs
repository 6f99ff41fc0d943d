namespace StarSend.Imaging.Grids;

/// <summary>Puts four images into one 2x2 grid with gutters: the fallback when the model will not draw a grid.</summary>
public static class GridCompositor
{
    private static readonly byte[] GutterColor = [255, 255, 255, 255];

    /// <summary>
    /// Scales each image to <paramref name="cellWidth"/>×<paramref name="cellHeight"/> and lays them out row by row
    /// (top-left, top-right, bottom-left, bottom-right), with white gutters between the cells and none around them,
    /// so the result is (2 × cellWidth + gutter) × (2 × cellHeight + gutter) and its midlines run down the gutters.
    /// </summary>
    public static RgbaImage Compose(IReadOnlyList<RgbaImage> four, int cellWidth, int cellHeight, int gutter = 8)
    {
        if (four.Count != 4)
        {
            throw new ArgumentException($"A 2x2 grid needs 4 images, got {four.Count}.", nameof(four));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cellWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cellHeight);
        ArgumentOutOfRangeException.ThrowIfNegative(gutter);
        var grid = new RgbaImage((2 * cellWidth) + gutter, (2 * cellHeight) + gutter);
        for (var i = 0; i < grid.Pixels.Length; i += 4)
        {
            GutterColor.CopyTo(grid.Pixels, i);
        }

        Parallel.For(0, 4, i =>
        {
            var cell = ImageScaler.Resize(four[i], cellWidth, cellHeight);
            var (x0, y0) = ((i % 2) * (cellWidth + gutter), (i / 2) * (cellHeight + gutter));
            for (var y = 0; y < cellHeight; y++)
            {
                cell.Row(y).CopyTo(grid.Row(y0 + y)[(x0 * 4)..]);
            }
        });

        return grid;
    }
}
