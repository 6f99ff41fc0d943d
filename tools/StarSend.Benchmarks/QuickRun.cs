using System.Diagnostics;
using StarSend.Imaging;
using StarSend.Imaging.Grids;

namespace StarSend.Benchmarks;

/// <summary>A Stopwatch loop over the same workload as <see cref="GridCropBenchmarks"/>, for checks that have seconds.</summary>
internal static class QuickRun
{
    private const int Rounds = 7;

    public static void Run(TextWriter output)
    {
        var grid = BenchmarkGrid.Create();
        var png = ImageCodec.EncodePng(grid);
        var jpeg = ImageCodec.EncodeJpeg(grid);
        var work = new (string Name, Func<long> Run)[]
        {
            ("baseline", () => BenchmarkGrid.CropAndEncodeBaseline(grid)),
            ("parallel", () => BenchmarkGrid.CropAndEncode(grid)),
            ("sequential", () => BenchmarkGrid.CropAndEncodeSequential(grid)),
            ("detect", () => GridDetector.Detect(grid).IsGrid ? 1 : 0),
            ("decode", () => ImageCodec.Decode(png).Width),
            ("decode jpeg", () => ImageCodec.Decode(jpeg).Width),
        };
        var times = work.ToDictionary(w => w.Name, _ => new List<double>());
        var cpu = work.ToDictionary(w => w.Name, _ => new List<double>());
        using var process = Process.GetCurrentProcess();
        var sizes = new Dictionary<string, long>();
        for (var round = -1; round < Rounds; round++)
        {
            foreach (var (name, run) in work)
            {
                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                sizes[name] = run();
                if (round >= 0)
                {
                    times[name].Add(watch.Elapsed.TotalMilliseconds);
                    process.Refresh();
                    cpu[name].Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
                }
            }
        }

        var median = times.ToDictionary(t => t.Key, t => t.Value.Order().ElementAt(t.Value.Count / 2));
        var medianCpu = cpu.ToDictionary(t => t.Key, t => t.Value.Order().ElementAt(t.Value.Count / 2));
        var ratio = median["parallel"] / median["baseline"];
        output.WriteLine(
            $"crop+encode 2048 grid: {median["parallel"]:F0} ms (baseline: Skia defaults, sequential, {median["baseline"]:F0} ms; ratio {ratio:F2})");
        output.WriteLine(
            $"  cells {sizes["parallel"] / 1024} KiB (baseline {sizes["baseline"] / 1024} KiB); sequential with defaults {median["sequential"]:F0} ms; "
            + $"{Environment.ProcessorCount} cores{Load()}; medians of {Rounds}");
        output.WriteLine(
            $"  CPU time: {medianCpu["parallel"]:F0} ms (baseline {medianCpu["baseline"]:F0} ms, ratio {medianCpu["parallel"] / medianCpu["baseline"]:F2}), steadier than wall time on a busy machine");
        output.WriteLine($"  detect {median["detect"]:F0} ms; decode of the whole grid ({png.Length / 1024} KiB PNG) {median["decode"]:F0} ms, as JPEG ({jpeg.Length / 1024} KiB) {median["decode jpeg"]:F0} ms");
        PickFigures.Run(output);
    }

    /// <summary>On a shared machine the 1-minute load says how far to trust the wall-clock figures.</summary>
    internal static string Load() =>
        File.Exists("/proc/loadavg") ? $" (load {File.ReadAllText("/proc/loadavg").Split(' ')[0]})" : string.Empty;
}
