using BenchmarkDotNet.Running;
using StarSend.Benchmarks;

if (args.Length >= 3 && args[0] == "--pick")
{
    PickProcess.Pick(args[1], args[2]);
}
else if (args.Length >= 3 && args[0] == "--startup")
{
    StartupRun.Run(args[1], args[2], Console.Out);
}
else if (args.Contains("--quick"))
{
    QuickRun.Run(Console.Out);
}
else if (args.Contains("--filters"))
{
    FilterSurvey.Run(Console.Out);
}
else
{
    BenchmarkSwitcher.FromAssembly(typeof(QuickRun).Assembly).Run(args);
}
