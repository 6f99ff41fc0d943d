using System.Diagnostics;
using SkiaSharp;
using StarSend.Imaging;
using StarSend.Imaging.Tests.Synthetic;

namespace StarSend.Benchmarks;

/// <summary>
/// Size and single-thread encode time of Skia's PNG encoder for filter sets and zlib levels, on a photo-like and a
/// flat 1016x1016 cell: the numbers behind <c>PngSettings.Cells</c>. Times are CPU time (median of several runs),
/// which a busy shared machine disturbs far less than wall-clock time.
/// </summary>
internal static class FilterSurvey
{
    private const int Runs = 5;

    public static void Run(TextWriter output)
    {
        var pictures = new (string Name, RgbaImage Image)[]
        {
            ("photo 1016 (grain 2)", SyntheticImages.Photo(1016, 1016, seed: 2048, grain: 2)),
            ("flat grid 1016", FlatImages.Grid(1016, seed: 42)),
        };
        var filters = new (string Name, SKPngEncoderFilterFlags Flags)[]
        {
            ("none", SKPngEncoderFilterFlags.NoFilters),
            ("sub", SKPngEncoderFilterFlags.Sub),
            ("up", SKPngEncoderFilterFlags.Up),
            ("sub+up", SKPngEncoderFilterFlags.Sub | SKPngEncoderFilterFlags.Up),
            ("paeth", SKPngEncoderFilterFlags.Paeth),
            ("all", SKPngEncoderFilterFlags.AllFilters),
        };
        foreach (var (name, image) in pictures)
        {
            output.WriteLine($"{name}: {image.Pixels.Length / 4 * 3 / 1024} KiB raw RGB");
            output.WriteLine($"  {"filter",-8} {"zlib",4} {"KiB",8} {"CPU ms",8}");
            foreach (var (filterName, flags) in filters)
            {
                foreach (var level in new[] { 1, 3, 6 })
                {
                    var (bytes, ms) = Measure(image, new SKPngEncoderOptions(flags, level));
                    output.WriteLine($"  {filterName,-8} {level,4} {bytes / 1024,8} {ms,8:F1}");
                }
            }
        }
    }

    private static (int Bytes, double Milliseconds) Measure(RgbaImage image, SKPngEncoderOptions options)
    {
        var bytes = ImageCodec.EncodePng(image, options).Length;
        var times = new double[Runs];
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i < Runs; i++)
        {
            process.Refresh();
            var before = process.TotalProcessorTime;
            ImageCodec.EncodePng(image, options);
            process.Refresh();
            times[i] = (process.TotalProcessorTime - before).TotalMilliseconds;
        }

        Array.Sort(times);
        return (bytes, times[Runs / 2]);
    }
}
