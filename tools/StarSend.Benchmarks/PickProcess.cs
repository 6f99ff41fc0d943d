using System.Diagnostics;

namespace StarSend.Benchmarks;

/// <summary>
/// The `pick` work as a whole process, the way a producer pays for it: start, read the grid file, decode it, find the
/// cell, crop it, encode it as PNG, write it, exit. Timed from outside, against Pillow doing the same crop in a python3
/// process, so start-up costs count on both sides.
/// </summary>
internal static class PickProcess
{
    private const int Runs = 7;

    /// <summary>Runs one pick in this process (the child side): <c>--pick GRID OUT</c>.</summary>
    public static void Pick(string gridPath, string outPath) => File.WriteAllBytes(outPath, PickCell.Crop(File.ReadAllBytes(gridPath)));

    /// <summary>Median wall time and median CPU time of <see cref="Runs"/> child processes (one warm-up first), in milliseconds.</summary>
    public static (double Wall, double Cpu) Median(string fileName, IReadOnlyList<string> arguments)
    {
        var times = new List<double>();
        var cpu = new List<double>();
        for (var run = -1; run < Runs; run++)
        {
            var start = new ProcessStartInfo(fileName) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            var cpuBefore = ChildCpu.Total();
            var watch = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            watch.Stop();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{fileName} exited {process.ExitCode}: {stderr.Result}");
            }

            if (run >= 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
                cpu.Add((ChildCpu.Total() - cpuBefore).TotalMilliseconds);
            }
        }

        return (times.Order().ElementAt(times.Count / 2), cpu.Order().ElementAt(cpu.Count / 2));
    }

    /// <summary>How to start this benchmark tool again as a child: its apphost, or <c>dotnet</c> with its dll.</summary>
    public static (string FileName, List<string> Arguments) Self()
    {
        var processPath = Environment.ProcessPath!;
        return Path.GetFileNameWithoutExtension(processPath) == "dotnet"
            ? (processPath, [typeof(PickProcess).Assembly.Location])
            : (processPath, []);
    }
}
