using BenchmarkDotNet.Running;
using StarSend.Benchmarks;

if (args.Contains("--quick"))
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
