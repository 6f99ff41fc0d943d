using BenchmarkDotNet.Running;
using StarSend.Benchmarks;

if (args.Length >= 3 && args[0] == "--pick")
{
    PickProcess.Pick(args[1], args[2]);
}
else if (args.Length >= 3 && args[0] == "--startup")
{
    // --startup STARSEND PROJECT [ROUNDS]
    StartupRun.Run(args[1], args[2], args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : StartupRun.DefaultRounds, Console.Out);
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
