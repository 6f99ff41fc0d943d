using System.Diagnostics;
using System.Globalization;

namespace StarSend.Benchmarks;

/// <summary>
/// Whole-process start-up of <c>starsend status</c> against its baseline <c>starsend --version</c> (the same binary, the
/// same run): after two warm-up runs of each, <c>rounds</c> rounds each run both, alternating which goes first, and the
/// report gives the medians of wall time and of CPU time (user + system of the child, from getrusage: steadier than
/// wall time on a busy shared machine) and their ratios. The issue's target (#12) is a wall-time ratio of at most 2;
/// the last line says whether it is met. Exit code 0 either way: the figure is the result.
/// </summary>
internal static class StartupRun
{
    public const int DefaultRounds = 15;

    private const double Target = 2.0;

    public static void Run(string starsend, string project, int rounds, TextWriter output)
    {
        var baseline = new Samples();
        var status = new Samples();
        for (var round = -2; round < rounds; round++)
        {
            // Alternate the order so that neither command always runs on a cache the other just warmed.
            var statusFirst = round % 2 != 0;
            if (statusFirst)
            {
                Measure(status, round, starsend, "status", "--project", project);
            }

            Measure(baseline, round, starsend, "--version");
            if (!statusFirst)
            {
                Measure(status, round, starsend, "status", "--project", project);
            }
        }

        var wallRatio = status.WallMedian / baseline.WallMedian;
        var cpuRatio = status.CpuMedian / baseline.CpuMedian;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"startup of {starsend} ({Environment.ProcessorCount} cores{QuickRun.Load()}; medians of {rounds} alternating runs of each):"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  status    wall {status.WallMedian,6:0} ms  cpu {status.CpuMedian,6:0} ms"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  --version wall {baseline.WallMedian,6:0} ms  cpu {baseline.CpuMedian,6:0} ms"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  ratio     wall {wallRatio,6:0.00}     cpu {cpuRatio,6:0.00}     target wall <= {Target:0.#}: {(wallRatio <= Target ? "met" : "NOT met")}"));
    }

    private static void Measure(Samples samples, int round, string starsend, params string[] args)
    {
        var cpuBefore = ChildCpu.Total();
        var wall = Time(starsend, args);
        var cpu = (ChildCpu.Total() - cpuBefore).TotalMilliseconds;
        if (round >= 0)
        {
            samples.Wall.Add(wall);
            samples.Cpu.Add(cpu);
        }
    }

    private static double Time(string starsend, params string[] args)
    {
        var info = new ProcessStartInfo(starsend.EndsWith(".dll", StringComparison.Ordinal) ? "dotnet" : starsend)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (starsend.EndsWith(".dll", StringComparison.Ordinal))
        {
            info.ArgumentList.Add(starsend);
        }

        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var elapsed = watch.Elapsed.TotalMilliseconds;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"starsend {string.Join(' ', args)} exited {process.ExitCode}: {stderr.Result.Trim()}");
        }

        return elapsed;
    }

    private sealed class Samples
    {
        public List<double> Wall { get; } = [];

        public List<double> Cpu { get; } = [];

        public double WallMedian => Median(Wall);

        public double CpuMedian => Median(Cpu);

        private static double Median(List<double> values)
        {
            var sorted = values.Order().ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        }
    }
}
