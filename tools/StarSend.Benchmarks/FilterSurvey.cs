using System.Diagnostics;
using System.IO.Compression;
using StarSend.Imaging;
using StarSend.Imaging.Png;
using StarSend.Imaging.Tests.Synthetic;

namespace StarSend.Benchmarks;

/// <summary>
/// Size and single-thread encode time for every filter and a range of zlib levels and strategies, on a photo-like
/// and a flat 1024x1024 picture: the numbers behind <see cref="PngEncodeOptions"/>'s defaults. Times are CPU time
/// (median of several runs), which a busy shared machine disturbs far less than wall-clock time.
/// </summary>
internal static class FilterSurvey
{
    private const int Runs = 7;

    public static void Run(TextWriter output)
    {
        var pictures = new (string Name, RgbaImage Image)[]
        {
            ("photo 1024 (grain 4)", SyntheticImages.Photo(1024, 1024, seed: 42)),
            ("photo 1024 (grain 1)", SyntheticImages.Photo(1024, 1024, seed: 42, grain: 1)),
            ("flat grid 1024", FlatImages.Grid(1024, seed: 42)),
        };
        var levels = new (string Name, ZLibCompressionOptions Options)[]
        {
            ("L0 (stored)", Options(0, ZLibCompressionStrategy.Default)),
            ("L1 (Fastest)", Options(1, ZLibCompressionStrategy.Default)),
            ("L2", Options(2, ZLibCompressionStrategy.Default)),
            ("L3", Options(3, ZLibCompressionStrategy.Default)),
            ("L6 (Optimal)", Options(6, ZLibCompressionStrategy.Default)),
            ("L1 RLE", Options(1, ZLibCompressionStrategy.RunLengthEncoding)),
            ("L1 Filtered", Options(1, ZLibCompressionStrategy.Filtered)),
            ("Huffman only", Options(1, ZLibCompressionStrategy.HuffmanOnly)),
        };
        foreach (var (name, image) in pictures)
        {
            output.WriteLine($"{name}: {image.Pixels.Length / 4 * 3 / 1024} KiB raw RGB");
            output.WriteLine($"  {"filter",-9} {"level",-13} {"KiB",8} {"CPU ms",8}");
            foreach (var filter in Enum.GetValues<PngFilter>())
            {
                foreach (var (levelName, options) in levels)
                {
                    var (bytes, ms) = Measure(image, filter, options);
                    output.WriteLine($"  {filter,-9} {levelName,-13} {bytes / 1024,8} {ms,8:F1}");
                }
            }
        }
    }

    private static ZLibCompressionOptions Options(int level, ZLibCompressionStrategy strategy) =>
        new() { CompressionLevel = level, CompressionStrategy = strategy };

    private static (int Bytes, double Milliseconds) Measure(RgbaImage image, PngFilter filter, ZLibCompressionOptions options)
    {
        var bytes = PngEncoder.Encode(image, filter, options).Length;
        var times = new double[Runs];
        for (var i = 0; i < Runs; i++)
        {
            var before = Process.GetCurrentProcess().TotalProcessorTime;
            PngEncoder.Encode(image, filter, options);
            times[i] = (Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds;
        }

        Array.Sort(times);
        return (bytes, times[Runs / 2]);
    }
}
