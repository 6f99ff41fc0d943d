using SkiaSharp;
using StarSend.Imaging;
using StarSend.Imaging.Grids;
using StarSend.Imaging.Tests.Synthetic;

namespace StarSend.Benchmarks;

/// <summary>The workload: a 2048x2048 grid of four photo-like panels with white gutters, cut into four PNG cells.</summary>
internal static class BenchmarkGrid
{
    public const int Size = 2048;

    /// <summary>Skia's own PNG defaults (all filters, zlib level 6), one cell after the other: the baseline.</summary>
    private static readonly SKPngEncoderOptions Baseline = SKPngEncoderOptions.Default;

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

    /// <summary>What the product does: crop and encode the four cells in parallel with the measured settings.</summary>
    public static long CropAndEncode(RgbaImage grid) => GridCells.ExtractAllAsPng(grid, trimGutters: true).Sum(c => (long)c.Length);

    /// <summary>The baseline: the same cells, one after the other, with Skia's default PNG settings.</summary>
    public static long CropAndEncodeBaseline(RgbaImage grid)
    {
        long bytes = 0;
        for (var i = 0; i < 4; i++)
        {
            bytes += ImageCodec.EncodePng(GridCells.Extract(grid, i / 2, i % 2, trimGutters: true), Baseline).Length;
        }

        return bytes;
    }

    public static long CropAndEncodeSequential(RgbaImage grid)
    {
        long bytes = 0;
        for (var i = 0; i < 4; i++)
        {
            bytes += ImageCodec.EncodePng(GridCells.Extract(grid, i / 2, i % 2, trimGutters: true)).Length;
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
