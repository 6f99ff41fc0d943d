using StarSend.Imaging.Grids;
using StarSend.Imaging.Png;

namespace StarSend.Benchmarks;

/// <summary>What `pick` does to the grid's bytes: decode, find cell r0c1 (gutters trimmed), encode it as PNG.</summary>
internal static class PickCell
{
    public static byte[] Crop(byte[] gridFile) =>
        PngCodec.Encode(GridCells.Extract(PngCodec.Decode(gridFile), 0, 1, gridSize: 2, trimGutters: true));
}
