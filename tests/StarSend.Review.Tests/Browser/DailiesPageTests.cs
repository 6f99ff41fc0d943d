using System.Globalization;
using System.Text.Json;
using PuppeteerSharp;
using StarSend.Core.Json;
using StarSend.Core.Sequences;
using StarSend.Review.Tests.Support;

namespace StarSend.Review.Tests.Browser;

/// <summary>Dailies in Chromium: every take plays, compare plays two, keys move and play, hostile text stays text.</summary>
public sealed class DailiesPageTests(BrowserProject fixture) : IClassFixture<BrowserProject>
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private ReviewedProject Project => fixture.Project;

    [ChromiumFact]
    public async Task Dailies_EveryVideoLoads_AndLastsAsLongAsItsTake()
    {
        var (page, errors) = await fixture.NewPageAsync();
        await page.GoToAsync(new Uri(Project.DailiesFile).AbsoluteUri, WaitUntilNavigation.Load);
        await BrowserProject.ScreenshotAsync(page, "dailies.png");
        var state = ReadState();

        // Each take's files, loaded one by one in the page as its player plays them back to back.
        var takes = JsonSerializer.Deserialize<List<PlayedTake>>(await page.EvaluateExpressionAsync<string>("""
            (async () => {
              const load = src => new Promise(resolve => {
                const v = document.createElement('video');
                v.preload = 'metadata';
                v.muted = true;
                v.onloadedmetadata = () => resolve({ src, duration: v.duration, error: null });
                v.onerror = () => resolve({ src, duration: 0, error: String(v.error && v.error.code) });
                v.src = src;
              });
              const out = [];
              for (const a of document.querySelectorAll('article.take')) {
                const video = a.querySelector('video');
                const files = [];
                for (const src of video.dataset.files.split('|')) { files.push(await load(src)); }
                out.push({ sequence: a.dataset.sequence, take: Number(a.dataset.take), files });
              }
              return JSON.stringify(out);
            })()
            """), Web)!;

        var expected = state.Sequences.Values.SelectMany(r => r.Takes.Select(t => (r.Id, t))).ToList();
        takes.Should().HaveCount(expected.Count, "dailies with no filter show every take");
        foreach (var (id, take) in expected)
        {
            var played = takes.Single(p => p.Sequence == id && p.Take == take.Number);
            played.Files.Should().OnlyContain(f => f.Error == null, $"{id} take {take.Number} plays in Chromium (H.264 MP4)");
            played.Files.Select(f => f.Src).Should().OnlyContain(src => src.StartsWith("../media/videos/", StringComparison.Ordinal), "paths are relative to the page");
            played.Files.Should().HaveCount(take.Files.Count);
            played.Files.Zip(take.Files).Should().OnlyContain(p => Math.Abs(p.First.Duration - p.Second.DurationS) <= 0.1, $"{id} take {take.Number}: each file");
            var seconds = take.Durations.Sum(d => double.Parse(d, CultureInfo.InvariantCulture));
            played.Files.Sum(f => f.Duration).Should().BeApproximately(seconds, 0.1, $"{id} take {take.Number} lasts what was asked");
        }

        takes.Should().Contain(t => t.Files.Count > 1, "a per-shot take plays its shot files back to back");
        // The page's own players, as a reviewer meets them: every <video> element has loaded its first file.
        await page.WaitForFunctionAsync("() => Array.from(document.querySelectorAll('article.take video')).every(v => v.readyState >= 1 || v.error)", new WaitForFunctionOptions { Timeout = 30_000 });
        (await page.EvaluateExpressionAsync<int>("Array.from(document.querySelectorAll('article.take video')).filter(v => v.error || !(v.duration > 0)).length")).Should().Be(0);
        errors.Should().BeEmpty();
    }

    [ChromiumFact]
    public async Task Dailies_Compare_PlaysTwoTakesOfOneSequenceSideBySide()
    {
        var (page, errors) = await fixture.NewPageAsync();
        await page.GoToAsync(new Uri(Project.DailiesFile).AbsoluteUri, WaitUntilNavigation.Load);

        // Where "Play both" is the moment the box opens, before the players have their files' metadata, and after: the
        // box is anchored at the bottom, so players growing as they load would move the button under the pointer.
        var before = await page.EvaluateExpressionAsync<double>(
            "(() => { document.querySelector('#seq-SEQ01 button.compare').click(); return document.getElementById('compare-play').getBoundingClientRect().top; })()");
        await page.WaitForFunctionAsync("() => ['compare-a', 'compare-b'].every(id => document.getElementById(id).readyState >= 1)", new WaitForFunctionOptions { Timeout = 30_000 });
        (await page.EvaluateExpressionAsync<double>("document.getElementById('compare-play').getBoundingClientRect().top"))
            .Should().BeApproximately(before, 0.5, "the players loading must not move the buttons");
        await page.ClickAsync("#compare-play");
        try
        {
            await page.WaitForFunctionAsync(
                "() => { const a = document.getElementById('compare-a'), b = document.getElementById('compare-b'); return !a.paused && !b.paused && a.currentTime > 0.5 && b.currentTime > 0.5; }",
                new WaitForFunctionOptions { Timeout = 30_000, PollingInterval = 100 });
        }
        catch (WaitTaskTimeoutException)
        {
            // What each player was doing when it did not get going: enough to tell a slow machine from a stuck page.
            var players = await page.EvaluateExpressionAsync<string>(
                "JSON.stringify(['compare-a', 'compare-b'].map(id => { const v = document.getElementById(id); return { id, src: v.currentSrc, paused: v.paused, t: v.currentTime, readyState: v.readyState, networkState: v.networkState, seeking: v.seeking, error: v.error && v.error.code }; }))");
            throw new Xunit.Sdk.XunitException($"both compare players should play past 0.5 s within 30 s; they were: {players}; page errors: {string.Join(" | ", errors)}");
        }

        await BrowserProject.ScreenshotAsync(page, "dailies-compare.png", fullPage: false);

        var sources = await page.EvaluateExpressionAsync<string[]>("[document.getElementById('compare-a').currentSrc, document.getElementById('compare-b').currentSrc]");
        sources[0].Should().NotBe(sources[1], "two different takes");
        sources.Should().OnlyContain(s => s.Contains("_SEQ01_take", StringComparison.Ordinal));
        var drift = await page.EvaluateExpressionAsync<double>("Math.abs(document.getElementById('compare-a').currentTime - document.getElementById('compare-b').currentTime)");
        drift.Should().BeLessThan(0.3, "the two play in sync");
        errors.Should().BeEmpty();
    }

    [ChromiumFact]
    public async Task Dailies_PerShotTake_PlaysItsShotFilesBackToBack()
    {
        var (page, errors) = await fixture.NewPageAsync();
        await page.GoToAsync(new Uri(Project.DailiesFile).AbsoluteUri, WaitUntilNavigation.Load);
        var files = (await page.EvaluateExpressionAsync<string>("document.querySelector('#take-SEQ04-1 video').dataset.files")).Split('|');
        files.Should().HaveCount(2, "SEQ04 has a shot with its own start frame, so its take is two shot files");

        // Near the end of the first shot file, then play: the player must go on into the second file by itself.
        await page.WaitForFunctionAsync("() => document.querySelector('#take-SEQ04-1 video').readyState >= 1", new WaitForFunctionOptions { Timeout = 20_000 });
        await page.EvaluateExpressionAsync("(() => { const v = document.querySelector('#take-SEQ04-1 video'); v.muted = true; v.currentTime = v.duration - 0.3; v.play(); })()");
        await page.WaitForFunctionAsync(
            $"() => {{ const v = document.querySelector('#take-SEQ04-1 video'); return v.currentSrc.endsWith({JsonSerializer.Serialize(files[1][2..])}) && !v.paused && v.currentTime > 0.2; }}",
            new WaitForFunctionOptions { Timeout = 20_000 });

        var clock = await page.EvaluateExpressionAsync<string>("document.querySelector('#take-SEQ04-1 .clock').textContent");
        double.Parse(clock.Split(' ')[0], CultureInfo.InvariantCulture).Should().BeGreaterThanOrEqualTo(6, "the clock counts the whole take: the second file starts at 6 s");
        clock.Should().EndWith("/ 12.0 s");
        errors.Should().BeEmpty();
    }

    [ChromiumFact]
    public async Task Dailies_Keys_MoveBetweenTakes_AndPlay()
    {
        var (page, errors) = await fixture.NewPageAsync();
        await page.GoToAsync(new Uri(Project.DailiesFile).AbsoluteUri, WaitUntilNavigation.Load);

        await page.Keyboard.PressAsync("j");
        await page.Keyboard.PressAsync("j");
        (await page.EvaluateExpressionAsync<string>("document.querySelector('article.take.selected').id")).Should().Be("take-SEQ01-1", "SEQ01's takes come newest first: 2, then 1");
        await page.Keyboard.PressAsync("k");
        (await page.EvaluateExpressionAsync<string>("document.querySelector('article.take.selected').id")).Should().Be("take-SEQ01-2");
        await page.Keyboard.PressAsync(" ");
        await page.WaitForFunctionAsync("() => { const v = document.querySelector('#take-SEQ01-2 video'); return !v.paused && v.currentTime > 0.2; }", new WaitForFunctionOptions { Timeout = 20_000 });
        await page.Keyboard.PressAsync(" ");
        (await page.EvaluateExpressionAsync<bool>("document.querySelector('#take-SEQ01-2 video').paused")).Should().BeTrue();
        errors.Should().BeEmpty();
    }

    [ChromiumFact]
    public async Task Dailies_HostilePromptAndNote_RenderAsText_AndPromptChangesAreMarked()
    {
        var (page, errors) = await fixture.NewPageAsync();
        await page.GoToAsync(new Uri(Project.DailiesFile).AbsoluteUri, WaitUntilNavigation.Load);

        (await page.EvaluateExpressionAsync<string>("document.querySelector('#take-SEQ01-1 .shot .prompt').textContent")).Should().Be(Hostile.Prompt);
        (await page.EvaluateExpressionAsync<string>("document.querySelector('#take-SEQ03-1 .history .text').textContent")).Should().Be(Hostile.Note);
        (await page.EvaluateExpressionAsync<bool>("window.__pwned === undefined")).Should().BeTrue("no planted script ran");
        (await page.EvaluateExpressionAsync<int>("document.querySelectorAll('script').length")).Should().Be(1, "only the page's own script");
        (await page.EvaluateExpressionAsync<int>("document.querySelectorAll('[onerror], [onload], svg').length")).Should().Be(0);
        (await page.EvaluateExpressionAsync<string[]>("Array.from(document.querySelectorAll('img')).map(i => i.getAttribute('src'))"))
            .Should().OnlyContain(src => src.StartsWith("../media/", StringComparison.Ordinal), "no planted image");
        var marked = await page.EvaluateExpressionAsync<string[]>("Array.from(document.querySelectorAll('#take-SEQ01-2 mark')).map(m => m.textContent.trim())");
        marked.Should().Equal(["two", "lanterns glow", "wet"], "take 2 changed shot02's prompt against take 1");
        (await page.EvaluateExpressionAsync<int>("document.querySelectorAll('#take-SEQ01-1 mark').length")).Should().Be(0, "the first take has nothing to compare with");
        errors.Should().BeEmpty();
    }

    private SequencesDocument ReadState() =>
        JsonSerializer.Deserialize<SequencesDocument>(File.ReadAllBytes(Path.Combine(Project.Dir, "state", "client", "sequences.json")), StarSendJson.Options)!;

    private sealed record PlayedFile(string Src, double Duration, string? Error);

    private sealed record PlayedTake(string Sequence, int Take, List<PlayedFile> Files);
}
