namespace StarSend.Export.RoughCut;

/// <summary>Finds the media tools the rough cut needs on the PATH (Debian's <c>ffmpeg</c> package ships both).</summary>
public static class MediaTools
{
    /// <summary>The one-line hint a producer gets when ffmpeg is missing.</summary>
    public const string InstallHint = "ffmpeg and ffprobe are needed for the rough cut: install them (Debian/Ubuntu: sudo apt-get install ffmpeg; macOS: brew install ffmpeg)";

    /// <summary>True when an executable named <paramref name="tool"/> is in one of the PATH's folders.</summary>
    public static bool FindOnPath(string? path, string tool) =>
        (path ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Any(dir => File.Exists(Path.Combine(dir, tool)));

    /// <summary>The folder that holds both <c>ffmpeg</c> and <c>ffprobe</c>, or null.</summary>
    public static string? FindFfmpegFolder(string? path)
    {
        foreach (var dir in (path ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (File.Exists(Path.Combine(dir, "ffmpeg")) && File.Exists(Path.Combine(dir, "ffprobe")))
            {
                return dir;
            }
        }

        return null;
    }
}
