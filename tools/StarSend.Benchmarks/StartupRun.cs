using System.Diagnostics;
using System.Globalization;

namespace StarSend.Benchmarks;

/// <summary>
/// Whole-process start-up of <c>starsend status</c> against its baseline <c>starsend --version</c>, measured side by
/// side in one run (alternating, after a warm-up of each), reported as medians and their ratio. The target is a
/// ratio of at most 2.
/// </summary>
internal static class StartupRun
{
    private const int Rounds = 9;

    public static void Run(string starsend, string project, TextWriter output)
    {
        var version = new List<double>();
        var status = new List<double>();
        for (var round = -1; round < Rounds; round++)
        {
            var v = Time(starsend, "--version");
            var s = Time(starsend, "status", "--project", project);
            if (round >= 0)
            {
                version.Add(v);
                status.Add(s);
            }
        }

        var baseline = Median(version);
        var measured = Median(status);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"startup: status {measured:0} ms against --version {baseline:0} ms (medians of {Rounds}); ratio {measured / baseline:0.00} (target <= 2)"));
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
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"starsend {string.Join(' ', args)} exited {process.ExitCode}");
        }

        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
