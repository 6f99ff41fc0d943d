using System.Text.Json;
using PuppeteerSharp;
using StarSend.Core.Json;
using StarSend.Core.Sequences;
using StarSend.Review.Tests.Support;

namespace StarSend.Review.Tests.Browser;

/// <summary>A decisions file made by clicking in the dailies page, downloaded by Chromium, comes back in through <c>review import</c>.</summary>
public sealed class DecisionsRoundTripTests(BrowserProject fixture) : IClassFixture<BrowserProject>
{
    [ChromiumFact]
    public async Task DecisionsClickedInThePage_ImportCleanly_AndOnlyOnce()
    {
        // A copy: the page's relative paths work wherever the folder goes, and the shared project stays as written.
        var dir = fixture.Project.CopyProject("client-copy");
        var downloads = Path.Combine(fixture.Project.Root, "downloads");
        Directory.CreateDirectory(downloads);
        var (page, errors) = await fixture.NewPageAsync();
        var done = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        page.Client.MessageReceived += (_, e) =>
        {
            if (e.MessageID is "Browser.downloadProgress" or "Page.downloadProgress" && e.MessageData.GetProperty("state").GetString() is { } progress && progress != "inProgress")
            {
                done.TrySetResult(progress);
            }
        };
        await page.Client.SendAsync("Browser.setDownloadBehavior", new { behavior = "allow", downloadPath = downloads, eventsEnabled = true });
        await page.GoToAsync(new Uri(Path.Combine(dir, "review", "dailies.html")).AbsoluteUri, WaitUntilNavigation.Load);

        await page.ClickAsync("#take-SEQ01-2 button[data-action=approve]");
        await page.TypeAsync("#take-SEQ01-1 input.reason", "too dark at the start");
        await page.ClickAsync("#take-SEQ01-1 button[data-action=retake]");
        await page.TypeAsync("#take-SEQ03-1 input.note", "client: <b>love</b> the dog");
        await page.ClickAsync("#take-SEQ03-1 button[data-action=note]");
        await page.ClickAsync("#take-SEQ04-1 button[data-action=hold]");
        await page.TypeAsync("#reviewer", "Jo Client");
        (await page.EvaluateExpressionAsync<int>("document.querySelectorAll('#decision-list li').length")).Should().Be(4);
        await page.EvaluateExpressionAsync("window.scrollTo(0, 0)");
        await BrowserProject.ScreenshotAsync(page, "dailies-decisions.png", fullPage: false);
        await page.ClickAsync("#download");
        (await done.Task.WaitAsync(TimeSpan.FromSeconds(30))).Should().Be("completed");
        var file = Path.Combine(downloads, "decisions.json");
        File.Exists(file).Should().BeTrue();

        var import = await fixture.Project.RunInAsync(dir, "review", "import", file);

        import.ExitCode.Should().Be(0, import.ToString());
        var state = Read(dir);
        state.Sequences["SEQ01"].State.Should().Be(SequenceState.Approved);
        state.Sequences["SEQ01"].ApprovedTake.Should().Be(2);
        state.Sequences["SEQ01"].Takes.Single(t => t.Number == 1).Should().Match<Take>(t => t.ReviewStatus == TakeReviewStatus.Retake && t.RetakeReason == "too dark at the start");
        state.Sequences["SEQ04"].Takes[0].ReviewStatus.Should().Be(TakeReviewStatus.OnHold);
        var note = state.Sequences["SEQ03"].History[^1];
        note.Should().Match<ReviewEvent>(e => e.Action == ReviewAction.Note && e.Text == "client: <b>love</b> the dog" && e.Take == 1);
        note.Source.Should().Be("decisions.json, reviewer Jo Client");
        note.Who.Should().Be(Environment.UserName);

        // The same file again: SEQ01 is approved now, so its approve no longer applies; nothing is applied.
        var before = File.ReadAllBytes(Path.Combine(dir, "state", "client", "sequences.json"));
        var again = await fixture.Project.RunInAsync(dir, "review", "import", file);
        again.ExitCode.Should().Be(2);
        again.ErrorLines.Should().Contain(l => l.StartsWith("Error: decisions.json $.decisions[0]: SEQ01 is in approved", StringComparison.Ordinal));
        again.ErrorLines[^1].Should().Be("Error: decisions.json: nothing was applied");
        File.ReadAllBytes(Path.Combine(dir, "state", "client", "sequences.json")).Should().Equal(before);
        errors.Should().BeEmpty();
    }

    private static SequencesDocument Read(string dir) =>
        JsonSerializer.Deserialize<SequencesDocument>(File.ReadAllBytes(Path.Combine(dir, "state", "client", "sequences.json")), StarSendJson.Options)!;
}
