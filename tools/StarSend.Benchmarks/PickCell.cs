using StarSend.Imaging;
using StarSend.Imaging.Grids;

namespace StarSend.Benchmarks;

/// <summary>What `pick` does to the grid's bytes: decode, find cell r0c1 (gutters trimmed), encode it as PNG.</summary>
internal static class PickCell
{
    public const int Row = 0;
    public const int Col = 1;

    public static byte[] Crop(byte[] gridFile) =>
        ImageCodec.EncodePng(GridCells.Extract(ImageCodec.Decode(gridFile), Row, Col, gridSize: 2, trimGutters: true));

    /// <summary>The cell's box (left, top, right, bottom) in the grid, for Pillow's <c>crop</c>.</summary>
    public static (int Left, int Top, int Right, int Bottom) Box(RgbaImage grid)
    {
        var cell = GridLayout.Compute(grid, 2, trimGutters: true).Cell(Row, Col);
        return (cell.X, cell.Y, cell.X + cell.Width, cell.Y + cell.Height);
    }
}
