using PuppeteerSharp;
using StarSend.Review.Tests.Support;

namespace StarSend.Review.Tests.Browser;

/// <summary>The reviewed project and one headless Chromium (Debian's, by path) shared by a class of browser tests.</summary>
public sealed class BrowserProject : IAsyncLifetime, IDisposable
{
    private readonly StarSend.Testing.TempDirectory _profile = new();
    private IBrowser? _browser;
    private IPage? _page;

    public ReviewedProject Project { get; } = new();

    public Task InitializeAsync() => Project.InitializeAsync();

    /// <summary>
    /// A new page of the shared browser, started on first use; JS errors of the page are collected. The previous test's
    /// page is closed first, so no earlier page keeps playing video and taking CPU from this one.
    /// </summary>
    public async Task<(IPage Page, List<string> Errors)> NewPageAsync(int width = 1600, int height = 1000)
    {
        if (_page is not null)
        {
            await _page.CloseAsync();
            _page = null;
        }

        _browser ??= await Puppeteer.LaunchAsync(new LaunchOptions
        {
            Headless = true,
            ExecutablePath = Chromium.ExecutablePath ?? throw new InvalidOperationException(
                "Chromium not found (/usr/bin/chromium or STARSEND_CHROMIUM): install Debian's chromium; set STARSEND_CHROMIUM_OPTIONAL=1 to skip browser tests"),
            Args = [.. Chromium.Args],
            UserDataDir = _profile.Path,
        });
        var page = _page = await _browser.NewPageAsync();
        await page.SetViewportAsync(new ViewPortOptions { Width = width, Height = height });
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e.Message);
        page.Console += (_, e) =>
        {
            if (e.Message.Type == ConsoleType.Error)
            {
                errors.Add(e.Message.Text);
            }
        };
        return (page, errors);
    }

    /// <summary>Saves a full-page screenshot under the test output (screenshots/), and into STARSEND_CAPTURES_DIR when set.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name, bool fullPage = true)
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, name);
        await page.ScreenshotAsync(file, new ScreenshotOptions { FullPage = fullPage });
        if (Environment.GetEnvironmentVariable("STARSEND_CAPTURES_DIR") is { Length: > 0 } captures)
        {
            Directory.CreateDirectory(captures);
            File.Copy(file, Path.Combine(captures, name), overwrite: true);
        }

        return file;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
            _browser.Dispose();
        }

        await Project.DisposeAsync();
        Dispose();
    }

    public void Dispose() => _profile.Dispose();
}
