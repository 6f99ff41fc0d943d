using StarSend.Core.Elements;
using StarSend.Core.Errors;
using StarSend.Core.Plans;
using StarSend.Core.Projects;
using StarSend.Core.Settings;
using StarSend.Imaging;

namespace StarSend.Core.Tests.Plans;

/// <summary>projects/demo is what `starsend demo` runs: it must load, and show every feature the workflow handles.</summary>
public sealed class DemoProjectTests
{
    private static readonly string DemoDir = Path.Combine(RepoRoot(), "projects", "demo");

    private readonly PlanReport _report = PlanLoader.Load(DemoDir);

    private ClientPlan Plan => _report.Plan;

    [Fact]
    public void Load_DemoPlan_IsValidWithTheExpectedWarnings()
    {
        Plan.Sequences.Should().HaveCount(12);
        Plan.AspectRatio.Should().Be("16:9");
        Plan.Style.Should().NotBeNullOrWhiteSpace();
        _report.Warnings.Should().Equal(
            new PlanProblem("$.sequences[3]", "generated per shot only (own start frame on shot02)"),
            new PlanProblem("$.sequences[5]", "generated per shot only (leonardo:kling-3.0 takes one shot a call)"),
            new PlanProblem("$.sequences[5].elements", "3 elements; with a start frame leonardo:kling-3.0 takes none, so singer, bicycle, dog will be left out"),
            new PlanProblem("$.sequences[7]", "generated per shot only (7 shots, 21 s)"),
            new PlanProblem("$.sequences[8].elements", "4 elements; with a start frame Kling takes the first 3, so dog will be left out"),
            new PlanProblem("$.sequences[9]", "generated per shot only (leonardo:veo-3.1-generate-001 takes one shot a call)"),
            new PlanProblem("$.sequences[9].elements", "2 elements; with a start frame leonardo:veo-3.1-generate-001 takes none, so lantern, lighthouse will be left out"));
    }

    [Fact]
    public void Load_DemoPlan_PutsOneSequenceOnEachLeonardoModelTheIssueNames()
    {
        // Issue #11: one sequence on Leonardo's Kling 3.0 and one on Veo 3.1; the rest on the project's fal model.
        Plan.Sequences.Where(s => s.VideoModel is not null).Select(s => (s.Id, s.VideoModel))
            .Should().Equal(("SEQ06", "leonardo:kling-3.0"), ("SEQ10", "leonardo:veo-3.1-generate-001"));
        Plan.Sequences.SelectMany(s => global::StarSend.Core.Providers.VideoModels.SequenceModelCheck.Check(s, s.Id, SettingsDefaults.VideoModel)).Should().BeEmpty();
    }

    [Fact]
    public void Load_DemoPlan_SequencesTileAboutThreeMinutesOfSong()
    {
        Plan.Song.DurationS.Should().BeInRange(150, 210);
        Plan.Sequences[0].StartS.Should().Be(0);
        Plan.Sequences[^1].EndS.Should().Be(Plan.Song.DurationS);
        Plan.Sequences.Zip(Plan.Sequences.Skip(1)).Should().OnlyContain(pair => pair.First.EndS == pair.Second.StartS);
        Plan.Sequences.Should().OnlyContain(s => s.TotalDurationS == s.EndS - s.StartS);
        Plan.Sequences.Select(s => s.Section).Distinct().Should().Contain(["intro", "pre-chorus", "chorus", "bridge", "breakdown", "outro"]);
        Plan.Sequences.SelectMany(s => s.Shots).Should().OnlyContain(shot => shot.Duration >= 3 && shot.Duration <= 6);
    }

    [Fact]
    public void Load_DemoPlan_HasEveryWorkflowFeature()
    {
        Plan.Sequences.Should().Contain(s => ElementManager.Select(Plan, s, true).Dropped.Count > 0, "one sequence must exceed the element cap");
        Plan.Sequences.Should().Contain(s => s.Shots.Any(shot => shot.OwnStartFrame), "one sequence must have own_start_frame shots");
        Plan.Sequences.Should().Contain(s => s.Shots.Count >= 4 && s.FitsOneMultiShotCall, "one multi-shot call of 4+ shots");
        Plan.Sequences.Should().Contain(s => s.Shots.Count > PlanLimits.MaxShotsPerMultiShot, "one sequence with too many shots for one call");
        Plan.Sequences.Should().Contain(s => s.TotalDurationS > PlanLimits.MaxMultiShotSeconds && s.Shots.Count <= PlanLimits.MaxShotsPerMultiShot, "one sequence too long for one call");
        Plan.Extra.Should().ContainKey("client");
    }

    [Fact]
    public void Load_DemoPlan_ElementImagesAreSmallPngsKlingAccepts()
    {
        Plan.Elements.Count.Should().BeInRange(4, 6);

        foreach (var element in Plan.Elements)
        {
            var info = ImageHeader.Read(Path.Combine(DemoDir, element.Image));

            info.Format.Should().Be(ImageFormat.Png, element.Id);
            Math.Min(info.Width, info.Height).Should().BeGreaterThanOrEqualTo(PlanLimits.MinImageSide, element.Id);
            info.Bytes.Should().BeLessThan(64 * 1024, element.Id);
        }

        Plan.Sequences.SelectMany(s => s.Elements).Distinct().Should().BeEquivalentTo(Plan.Elements.Select(e => e.Id));
    }

    [Fact]
    public void Load_DemoSettings_RunFourAtOnceWithABudget()
    {
        var settings = SettingsLoader.Load(new ProjectPaths(DemoDir), new Dictionary<string, string?>());

        settings.Concurrency.Should().Be(4);
        settings.BudgetUsd.Should().Be(100m);
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "StarSend.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("StarSend.sln not found above the test folder");
    }
}
