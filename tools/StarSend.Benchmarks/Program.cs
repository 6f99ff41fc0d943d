using BenchmarkDotNet.Running;
using StarSend.Benchmarks;

if (args.Length >= 3 && args[0] == "--pick")
{
    PickProcess.Pick(args[1], args[2]);
}
else if (args.Length >= 2 && args[0] == "--pick-process")
{
    var grid = Path.Combine(args[1], "grid.png");
    File.WriteAllBytes(grid, StarSend.Imaging.Png.PngCodec.Encode(BenchmarkGrid.Create()));
    var (self, selfArgs) = PickProcess.Self();
    Console.WriteLine($"pick whole process: {PickProcess.Median(self, [.. selfArgs, "--pick", grid, Path.Combine(args[1], "cell.png")]):F0} ms");
}
else if (args.Contains("--quick"))
{
    QuickRun.Run(Console.Out);
}
else if (args.Contains("--filters"))
{
    FilterSurvey.Run(Console.Out);
}
else if (args.Length >= 2 && args[0] == "--write-samples")
{
    Samples.Write(args[1], Console.Out);
}
else
{
    BenchmarkSwitcher.FromAssembly(typeof(QuickRun).Assembly).Run(args);
}
