using Xunit.Abstractions;
using System.Text;
using StarSend.Core.Sequences;
using StarSend.Core.Settings;
using StarSend.Review.Pages;
using StarSend.Review.ReadModel;
using StarSend.Review.Tests.Support;

namespace StarSend.Review.Tests.Pages;

public sealed class PageRenderingTests(ITestOutputHelper output)
{
    private const string Root = "/projects/synthetic";
    private static readonly DateTimeOffset At = new(2026, 11, 29, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TwelveSequencesWithThreeTakes_MakeSmallPages_WithRelativeLinksAndNoEmbeddedMedia()
    {
        var plan = SyntheticProject.Plan();
        var project = ReviewProject.Build(plan, SyntheticProject.State(plan), new ProjectSettings());

        var board = BoardPage.Render(project, Root, $"{Root}/review/board.html", $"{Root}/review/dailies.html", At);
        var dailies = DailiesPage.Render(project, new DailiesFilter(), Root, $"{Root}/review/dailies.html", $"{Root}/review/board.html", At);

        output.WriteLine($"board {Encoding.UTF8.GetByteCount(board)} bytes, dailies {Encoding.UTF8.GetByteCount(dailies)} bytes");
        Encoding.UTF8.GetByteCount(board).Should().BeLessThan(300_000);
        Encoding.UTF8.GetByteCount(dailies).Should().BeLessThan(300_000);
        foreach (var page in new[] { board, dailies })
        {
            page.Should().NotContain(Root, "every path is relative to the page");
            page.Should().NotContain("base64,").And.NotContain("data:video").And.NotContain("http://").And.NotContain("https://");
        }

        dailies.Should().Contain("src=\"../media/videos/20261129T080300Z-0003_SEQ12_take03.mp4\"");
        System.Text.RegularExpressions.Regex.Count(dailies, "<article class=\"take\"").Should().Be(36);
    }

    [Fact]
    public void HostileText_IsEncoded_InTextAndAttributes()
    {
        var plan = SyntheticProject.Plan(Hostile.Prompt);
        var state = SyntheticProject.State(plan);
        state.Sequences["SEQ01"] = state.Sequences["SEQ01"] with { LastError = Hostile.Note };
        var project = ReviewProject.Build(plan, state, new ProjectSettings());

        var board = BoardPage.Render(project, Root, $"{Root}/review/board.html", $"{Root}/review/dailies.html", At);
        var dailies = DailiesPage.Render(project, new DailiesFilter(), Root, $"{Root}/review/dailies.html", $"{Root}/review/board.html", At);

        board.Should().NotContain("<script>window").And.NotContain("<img src=x").And.Contain("&lt;/li&gt;&lt;script&gt;");
        dailies.Should().NotContain("<script>window").And.NotContain("<img src=x").And.Contain("&lt;script&gt;window.__pwned=1&lt;/script&gt;&quot;&gt;&lt;img");
    }

    [Fact]
    public void Dailies_Filter_BySectionAndRun_NewestFirst()
    {
        var plan = SyntheticProject.Plan();
        var project = ReviewProject.Build(plan, SyntheticProject.State(plan), new ProjectSettings());

        var html = DailiesPage.Render(project, new DailiesFilter { Section = "intro", RunId = "20261129T080200Z-0002" }, Root, $"{Root}/review/dailies.html", $"{Root}/review/board.html", At);

        System.Text.RegularExpressions.Regex.Matches(html, "<article class=\"take\" id=\"(take-[A-Z0-9-]+)\"").Select(m => m.Groups[1].Value)
            .Should().Equal("take-SEQ01-2", "take-SEQ02-2");
        var all = DailiesPage.Render(project, new DailiesFilter { Sequences = ["SEQ03"] }, Root, $"{Root}/review/dailies.html", $"{Root}/review/board.html", At);
        System.Text.RegularExpressions.Regex.Matches(all, "<article class=\"take\" id=\"(take-[A-Z0-9-]+)\"").Select(m => m.Groups[1].Value)
            .Should().Equal("take-SEQ03-3", "take-SEQ03-2", "take-SEQ03-1");
    }

    [Fact]
    public void ReadModel_Coverage_LeavesOmittedOut_AndEstimatesWhatIsLeft()
    {
        var plan = SyntheticProject.Plan();
        var state = SyntheticProject.State(plan);
        state.Sequences["SEQ01"] = SequenceReview.Decide(state.Sequences["SEQ01"], new ReviewDecision(ReviewAction.Approve, 2), new ReviewStamp("t", At, "r"));
        state.Sequences["SEQ02"] = state.Sequences["SEQ02"] with { Omitted = true };
        foreach (var n in new[] { 1, 2, 3 })
        {
            state.Sequences["SEQ03"] = SequenceReview.Decide(state.Sequences["SEQ03"], new ReviewDecision(ReviewAction.Retake, n, "no"), new ReviewStamp("t", At, "r"));
        }

        state.Sequences.Remove("SEQ04");
        var project = ReviewProject.Build(plan, state, new ProjectSettings());

        var intro = project.Sections.Single(s => s.Name == "intro");
        intro.Should().Match<SectionSummary>(s => s.Seconds == 15 && s.ApprovedSeconds == 15 && s.Omitted == 1 && s.CoveragePercent == 100);
        project.Total.Seconds.Should().Be(165);
        project.Total.ApprovedSeconds.Should().Be(15);
        project.Sequence("SEQ03").ToFinishUsd.Should().Be(1.68m, "every take was sent back: one more take of 15 s at $0.112/s");
        project.Sequence("SEQ04").ToFinishUsd.Should().Be(1.75m, "no grid and no take: a grid ($0.067) and a take ($1.68), rounded");
        project.Sequence("SEQ05").ToFinishUsd.Should().Be(0, "its takes are pending review");
        project.Total.SpentUsd.Should().Be(11 * (0.07m + 3 * 1.68m), "omitted SEQ02 still counts as spent; SEQ04 spent nothing");
        project.Bands.Select(b => (b.Name, b.StartS, b.EndS)).Should().Equal(("intro", 0, 30), ("verse", 30, 90), ("chorus", 90, 180));
    }

    [Fact]
    public void Dailies_TakeShowsPromptSources_AnimatedElements_NegativePrompt_AndNoApproveOnTheApprovedTake()
    {
        var plan = SyntheticProject.Plan();
        var state = SyntheticProject.State(plan, takes: 2);
        var record = state.Sequences["SEQ01"];
        var second = record.Takes[1] with
        {
            Prompts = [.. record.Takes[1].ShotPrompts.Select((p, i) => new TakePrompt($"shot{i + 1:00}", p, i == 0 ? "take 1" : "edit+animate"))],
            AnimatedElements = ["hair blowing"],
            NegativePrompt = "morphing, flicker, car moving",
            NegativePromptSent = false,
            Feedback = new TakeFeedback("slower camera", 1, 1, "slowed the camera move in every shot", "gemini-3.8-flash", "SEQ01_feedback", 0.004m),
        };
        state.Sequences["SEQ01"] = record with { Takes = [record.Takes[0], second], State = SequenceState.Approved, ApprovedTake = 1 };
        var project = ReviewProject.Build(plan, state, new ProjectSettings());

        var html = DailiesPage.Render(project, new DailiesFilter { Sequences = ["SEQ01"] }, Root, $"{Root}/review/dailies.html", $"{Root}/review/board.html", At);

        var take2 = Article(html, "take-SEQ01-2");
        take2.Should().Contain("<span class=\"source\">from take 1</span>").And.Contain("<span class=\"source\">from edit&#x2B;animate</span>", "Fluid encodes + as a character reference; the browser shows edit+animate");
        take2.Should().Contain("<dd class=\"animated\">hair blowing</dd>");
        take2.Should().Contain("morphing, flicker, car moving").And.Contain("recorded only: the model takes no negative prompt");
        take2.Should().Contain("<dd class=\"feedback\">take 1: slower camera <span class=\"rationale\">(rewrite: slowed the camera move in every shot)</span></dd>");
        take2.Should().Contain("data-action=\"approve\"", "take 2 is pending and can be approved");
        var take1 = Article(html, "take-SEQ01-1");
        take1.Should().NotContain("data-action=\"approve\"", "take 1 is the approved take already").And.Contain("data-action=\"retake\"");
        take1.Should().NotContain("class=\"source\"", "take 1 predates prompt sources").And.NotContain("negative prompt").And.NotContain("class=\"feedback\"");
    }

    [Fact]
    public void Board_CardShowsTheRetakeReason_AndTheAnalysis_MarkedStaleAfterARepick()
    {
        var plan = SyntheticProject.Plan();
        var state = SyntheticProject.State(plan, takes: 2);
        var seq01 = state.Sequences["SEQ01"];
        state.Sequences["SEQ01"] = seq01 with { Takes = [seq01.Takes[0], seq01.Takes[1] with { ReviewStatus = TakeReviewStatus.Retake, RetakeReason = "slower camera" }] };
        var seq02 = state.Sequences["SEQ02"];
        var analysis = new StarSend.Core.Analysis.StartFrameAnalysis
        {
            Number = 1,
            RunId = "r",
            StartFrameFile = seq02.StartFrame!.File,
            StartFrameSha256 = "00",
            File = "media/analyses/a.json",
            Model = "gemini-3.8-flash",
            ExecutionId = "SEQ02_analysis",
            Answer = new StarSend.Core.Analysis.AnalysisAnswer
            {
                Environment = new StarSend.Core.Analysis.AnalysisEnvironment { Setting = "night street", TimeOfDay = "night", Weather = "clear", LocationType = "urban", Atmosphere = "moody", Lighting = "neon", DominantColors = ["magenta", "teal"] },
                MotionElements = [new("hair", "sway", "center"), new("neon sign", "flicker", "top left")],
            },
        };
        state.Sequences["SEQ02"] = seq02 with { Analyses = [analysis] };
        state.Sequences["SEQ03"] = state.Sequences["SEQ03"] with { Analyses = [analysis with { StartFrameFile = "media/start_frames/older_SEQ03_r0c0.png" }] };
        var project = ReviewProject.Build(plan, state, new ProjectSettings());

        var board = BoardPage.Render(project, Root, $"{Root}/review/board.html", $"{Root}/review/dailies.html", At);

        Card(board, "SEQ01").Should().Contain("retake asked, take 2: slower camera");
        Card(board, "SEQ02").Should().Contain("analysis 1: night street; colours magenta, teal; motion: hair, neon sign").And.NotContain("STALE").And.NotContain("retake asked");
        Card(board, "SEQ03").Should().Contain("STALE (start frame re-picked): analysis 1");
    }

    private static string Card(string html, string id)
    {
        var start = html.IndexOf($"id=\"card-{id}\"", StringComparison.Ordinal);
        start.Should().BeGreaterThan(0, id);
        var end = html.IndexOf("class=\"description\"", start, StringComparison.Ordinal);
        return html[start..end];
    }

    private static string Article(string html, string id)
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        start.Should().BeGreaterThan(0, id);
        var end = html.IndexOf("</article>", start, StringComparison.Ordinal);
        return html[start..end];
    }
}
