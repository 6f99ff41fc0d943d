using System.Globalization;
using System.Text.Json;
using PuppeteerSharp;
using StarSend.Core.Json;
using StarSend.Core.Plans;
using StarSend.Core.Sequences;
using StarSend.Review.Tests.Support;

namespace StarSend.Review.Tests.Browser;

/// <summary>The Sequence Board in Chromium: what a reviewer sees matches the plan and sequences.json.</summary>
public sealed class BoardPageTests(BrowserProject fixture) : IClassFixture<BrowserProject>
{
    private ReviewedProject Project => fixture.Project;

    [ChromiumFact]
    public async Task Board_CardsSitOnTheSongTimeline_AndCoverageMatchesTheState()
    {
        var (page, errors) = await fixture.NewPageAsync(2600, 1100);
        await page.GoToAsync(new Uri(Project.BoardFile).AbsoluteUri, WaitUntilNavigation.Load);
        await BrowserProject.ScreenshotAsync(page, "board.png");

        var plan = PlanLoader.Load(Project.Dir).Plan;
        var state = JsonSerializer.Deserialize<SequencesDocument>(File.ReadAllBytes(Path.Combine(Project.Dir, "state", "client", "sequences.json")), StarSendJson.Options)!;
        var cards = JsonSerializer.Deserialize<List<CardBox>>(await page.EvaluateExpressionAsync<string>("""
            JSON.stringify((() => {
              const lane = document.getElementById('cards').getBoundingClientRect();
              return Array.from(document.querySelectorAll('.card')).map(c => {
                const r = c.getBoundingClientRect();
                return { id: c.dataset.sequence, x: (r.left - lane.left) / lane.width, w: r.width / lane.width, state: c.querySelector('.state').textContent,
                         images: Array.from(c.querySelectorAll('img')).map(i => i.naturalWidth) };
              });
            })())
            """), Web)!;

        cards.Select(c => c.Id).Should().Equal(plan.Sequences.Select(s => s.Id), "the board shows every sequence of the demo song");
        foreach (var sequence in plan.Sequences)
        {
            var card = cards.Single(c => c.Id == sequence.Id);
            card.X.Should().BeApproximately(sequence.StartS / plan.Song.DurationS, 0.002, $"{sequence.Id} starts at {sequence.StartS} s of {plan.Song.DurationS} s");
            card.W.Should().BeApproximately((sequence.EndS - sequence.StartS) / plan.Song.DurationS, 0.002, sequence.Id);
            card.State.Should().Be(SequenceWorkflow.StateName(state.Sequences[sequence.Id].State), "the state is written as a word, not only a colour");
            card.Images.Should().NotBeEmpty().And.OnlyContain(w => w > 0, $"{sequence.Id}'s grid image loads from a relative path");
        }

        // Coverage: approved seconds against the seconds of the sequences not omitted, per section and in total.
        var figures = JsonSerializer.Deserialize<Dictionary<string, string[]>>(await page.EvaluateExpressionAsync<string>("""
            JSON.stringify(Object.fromEntries(Array.from(document.querySelectorAll('#figures tbody tr')).map(r =>
              [r.dataset.section, [r.querySelector('.approved-s').textContent, r.querySelector('.planned-s').textContent, r.querySelector('.spent').textContent]])))
            """))!;
        var kept = plan.Sequences.Where(s => !state.Sequences[s.Id].Omitted).ToList();
        double Approved(PlanSequence s) => state.Sequences[s.Id] is { State: SequenceState.Approved or SequenceState.Final } r
            ? Math.Min(s.EndS - s.StartS, r.Takes.Single(t => t.Number == r.ApprovedTake).Files.Sum(f => f.DurationS)) : 0;
        string Seconds(double s) => Math.Round(s, 1).ToString(CultureInfo.InvariantCulture) + " s";
        figures["total"][0].Should().Be(Seconds(kept.Sum(Approved)));
        figures["total"][1].Should().Be(Seconds(kept.Sum(s => s.EndS - s.StartS)), "SEQ12 is omitted and left out");
        figures["total"][2].Should().Be("$" + state.Sequences.Values.Sum(r => r.CostUsd).ToString("0.00", CultureInfo.InvariantCulture));
        kept.Sum(Approved).Should().BeApproximately(15, 0.05, "only SEQ02 (15 s) is approved in this project");
        foreach (var section in plan.Sequences.Select(s => s.Section).Distinct())
        {
            var inSection = kept.Where(s => s.Section == section).ToList();
            figures[section][0].Should().Be(Seconds(inSection.Sum(Approved)), section);
            figures[section][1].Should().Be(Seconds(inSection.Sum(s => s.EndS - s.StartS)), section);
        }

        (await page.EvaluateExpressionAsync<int>("document.querySelectorAll('#coverage-strip .seg.approved').length")).Should().Be(1);
        (await page.EvaluateExpressionAsync<bool>("document.getElementById('card-SEQ12').classList.contains('omitted') && document.getElementById('card-SEQ12').textContent.includes('OMITTED')"))
            .Should().BeTrue();
        errors.Should().BeEmpty();
    }

    [ChromiumFact]
    public async Task Board_HostilePlanText_RendersAsText()
    {
        var (page, errors) = await fixture.NewPageAsync();
        await page.GoToAsync(new Uri(Project.BoardFile).AbsoluteUri, WaitUntilNavigation.Load);

        (await page.EvaluateExpressionAsync<string>("document.querySelector('#card-SEQ01 .description').title")).Should().Be(Hostile.Description);
        (await page.EvaluateExpressionAsync<bool>("window.__pwned === undefined")).Should().BeTrue("no planted script ran");
        (await page.EvaluateExpressionAsync<int>("document.querySelectorAll('svg, script, [onerror], [onload]').length")).Should().Be(0, "no planted element exists");
        errors.Should().BeEmpty();
    }

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private sealed record CardBox(string Id, double X, double W, string State, int[] Images);
}
