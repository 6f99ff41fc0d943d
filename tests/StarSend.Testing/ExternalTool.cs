namespace StarSend.Testing;

/// <summary>
/// Tools from Debian's packages that some tests drive (xmllint, ffmpeg, ffprobe). CI installs them and sets the
/// matching <c>STARSEND_REQUIRE_*</c> variable to 1, so there a missing tool fails the test instead of skipping it.
/// </summary>
public static class ExternalTool
{
    /// <summary>The full path of <paramref name="tool"/> on the PATH, or null.</summary>
    public static string? Find(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, tool)).FirstOrDefault(File.Exists);

    /// <summary>The reason to skip a test that needs <paramref name="tools"/>, or null when it must run (all present, or required by CI).</summary>
    public static string? SkipReason(string requireVariable, string package, params string[] tools) =>
        tools.All(t => Find(t) is not null) || Environment.GetEnvironmentVariable(requireVariable) == "1"
            ? null
            : $"{string.Join("/", tools)} not on PATH (apt-get install -y --no-install-recommends {package}); set {requireVariable}=1 to fail instead of skipping.";
}
