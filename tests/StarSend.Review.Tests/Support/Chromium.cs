namespace StarSend.Review.Tests.Support;

/// <summary>
/// Debian's Chromium, found by its executable path (<c>STARSEND_CHROMIUM</c>, else /usr/bin/chromium). Never
/// downloaded: with no Chromium the browser tests fail, unless <c>STARSEND_CHROMIUM_OPTIONAL=1</c> lets them skip.
/// </summary>
public static class Chromium
{
    public static string? ExecutablePath { get; } = Find();

    public static bool Optional => System.Environment.GetEnvironmentVariable("STARSEND_CHROMIUM_OPTIONAL") == "1";

    /// <summary>Flags for headless Chromium as root on a CI machine, with no network of its own.</summary>
    public static IReadOnlyList<string> Args { get; } =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--disable-dev-shm-usage", "--allow-file-access-from-files", "--autoplay-policy=no-user-gesture-required",
        // A busy machine must slow the pages down, never make Chromium suspend their players or throttle their timers.
        "--disable-background-media-suspend", "--disable-renderer-backgrounding", "--disable-background-timer-throttling",
        "--disable-backgrounding-occluded-windows",
    ];

    private static string? Find()
    {
        var configured = System.Environment.GetEnvironmentVariable("STARSEND_CHROMIUM");
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        return new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);
    }
}
