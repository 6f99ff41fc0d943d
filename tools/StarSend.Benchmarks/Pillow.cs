using System.Diagnostics;

namespace StarSend.Benchmarks;

/// <summary>Finds a python3 that can import PIL (Debian's python3-pil lives under /usr/bin/python3, not a pyenv shim).</summary>
internal static class Pillow
{
    private static readonly string[] Candidates = ["/usr/bin/python3", "python3"];

    public static string? Find() => Candidates.FirstOrDefault(p => Version(p) is not null);

    public static string? Version(string python)
    {
        try
        {
            var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add("import PIL; print(PIL.__version__)");
            using var process = Process.Start(start)!;
            var version = process.StandardOutput.ReadToEnd().Trim();
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 && version.Length > 0 ? version : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
