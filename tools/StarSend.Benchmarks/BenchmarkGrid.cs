using StarSend.Imaging;
using StarSend.Imaging.Grids;
using StarSend.Imaging.Png;
using StarSend.Imaging.Tests.Synthetic;

namespace StarSend.Benchmarks;

/// <summary>The workload: a 2048x2048 grid of four photo-like panels with white gutters, cut into four PNG cells.</summary>
internal static class BenchmarkGrid
{
    public const int Size = 2048;

    private static readonly PngEncodeOptions Baseline = new()
    {
        Level = System.IO.Compression.CompressionLevel.Optimal,
        Filter = PngFilter.None,
        Strategy = System.IO.Compression.ZLibCompressionStrategy.Default,
    };

    public static RgbaImage Create()
    {
        const int gutter = 16;
        const int cell = (Size - gutter) / 2;
        var grid = SyntheticImages.Solid(Size, Size, 255, 255, 255);
        for (var i = 0; i < 4; i++)
        {
            var panel = SyntheticImages.Photo(cell, cell, seed: 2048 + i, grain: 2);
            SyntheticImages.Paste(grid, panel, (i % 2) * (cell + gutter), (i / 2) * (cell + gutter));
        }

        return grid;
    }

    /// <summary>What the product does: crop and encode the four cells in parallel with the default options.</summary>
    public static long CropAndEncode(RgbaImage grid) => GridCells.ExtractAllAsPng(grid, trimGutters: true).Sum(c => (long)c.Length);

    /// <summary>The baseline: the same cells, one after the other, zlib's default level and no filtering.</summary>
    public static long CropAndEncodeBaseline(RgbaImage grid)
    {
        long bytes = 0;
        for (var i = 0; i < 4; i++)
        {
            bytes += PngCodec.Encode(GridCells.Extract(grid, i / 2, i % 2, trimGutters: true), Baseline).Length;
        }

        return bytes;
    }

    public static long CropAndEncodeSequential(RgbaImage grid)
    {
        long bytes = 0;
        for (var i = 0; i < 4; i++)
        {
            bytes += PngCodec.Encode(GridCells.Extract(grid, i / 2, i % 2, trimGutters: true)).Length;
        }

        return bytes;
    }

    public static long CropOnly(RgbaImage grid)
    {
        long bytes = 0;
        for (var i = 0; i < 4; i++)
        {
            bytes += GridCells.Extract(grid, i / 2, i % 2, trimGutters: true).Pixels.Length;
        }

        return bytes;
    }
}
