using BenchmarkDotNet.Attributes;
using StarSend.Imaging;
using StarSend.Imaging.Grids;

namespace StarSend.Benchmarks;

[MemoryDiagnoser]
public class GridCropBenchmarks
{
    private RgbaImage _grid = null!;

    [GlobalSetup]
    public void Setup() => _grid = BenchmarkGrid.Create();

    [Benchmark(Baseline = true, Description = "crop+encode sequential, Optimal, no filter")]
    public long Baseline() => BenchmarkGrid.CropAndEncodeBaseline(_grid);

    [Benchmark(Description = "crop+encode sequential, defaults")]
    public long Sequential() => BenchmarkGrid.CropAndEncodeSequential(_grid);

    [Benchmark(Description = "crop+encode parallel, defaults (ExtractAllAsPng)")]
    public long Parallel() => BenchmarkGrid.CropAndEncode(_grid);

    [Benchmark(Description = "crop only (pixel copy)")]
    public long CropOnly() => BenchmarkGrid.CropOnly(_grid);

    [Benchmark(Description = "grid detection")]
    public bool Detect() => GridDetector.Detect(_grid).IsGrid;
}
