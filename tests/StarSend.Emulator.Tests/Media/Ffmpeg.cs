using System.Diagnostics;

namespace StarSend.Emulator.Tests.Media;

/// <summary>
/// Runs ffmpeg/ffprobe from PATH. Tests that need them skip when they are missing, unless
/// STARSEND_REQUIRE_FFMPEG=1 (set in CI, which installs the Debian package "ffmpeg"), where they fail instead.
/// </summary>
internal static class Ffmpeg
{
    public const string RequireVariable = "STARSEND_REQUIRE_FFMPEG";

    public static bool IsRequired => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    public static bool IsAvailable => Find("ffmpeg") is not null && Find("ffprobe") is not null;

    public static string SkipReason =>
        $"ffmpeg/ffprobe not on PATH (apt-get install -y ffmpeg); set {RequireVariable}=1 to fail instead of skipping.";

    public static async Task<(byte[] Stdout, string Stderr)> RunAsync(string tool, params string[] arguments)
    {
        var exe = Find(tool) ?? throw new InvalidOperationException(
            $"{tool} is required ({RequireVariable}=1) but is not on PATH; install it with: apt-get install -y ffmpeg");
        var start = new ProcessStartInfo(exe)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var stdout = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        var stderr = process.StandardError.ReadToEndAsync();
        await Task.WhenAll(copy, stderr, process.WaitForExitAsync());
        process.ExitCode.Should().Be(0, $"{tool} {string.Join(' ', arguments)} failed: {await stderr}");
        return (stdout.ToArray(), await stderr);
    }

    private static string? Find(string tool)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var folder in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, OperatingSystem.IsWindows() ? tool + ".exe" : tool);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
