using StarSend.Core.Providers.VideoModels;
using StarSend.Core.Settings;
using System.Text.Json;
using CliRun = StarSend.Cli.Tests.Harness.Cli;
using StarSend.Core.Plans;
using StarSend.Core.Sequences;
using StarSend.Imaging.Video;
using StarSend.Testing;

namespace StarSend.Cli.Tests.EndToEnd;

public sealed class DemoTests
{
    [Fact]
    public async Task Demo_FreshFolder_EverySequenceApprovedWithVerifiedVideo()
    {
        using var temp = new TempDirectory();
        var dir = temp.Combine("demo");

        var result = await CliRun.RunAsync(temp.Path, "demo", "--dir", dir);

        result.ExitCode.Should().Be(0, result.Error);
        result.Out.Should().Contain("Total cost");
        // The demo ends by writing the review pages and printing where they are.
        result.Out.Should().Contain($"Board: {Path.Combine(dir, "review", "board.html")}").And.Contain($"Dailies: {Path.Combine(dir, "review", "dailies.html")}");
        System.Text.RegularExpressions.Regex.Count(File.ReadAllText(Path.Combine(dir, "review", "board.html")), "id=\"card-SEQ").Should().Be(12);
        var plan = PlanLoader.Load(dir).Plan;
        var sequences = await ProjectState.SequencesAsync(dir);
        var executions = await ProjectState.ExecutionsAsync(dir);
        sequences.Sequences.Keys.Should().BeEquivalentTo(plan.Sequences.Select(s => s.Id));
        var runIds = new HashSet<string>();
        foreach (var planned in plan.Sequences)
        {
            var record = sequences.Sequences[planned.Id];
            record.State.Should().Be(SequenceState.Approved, planned.Id);
            var take = record.Takes.Single(t => t.Number == record.ApprovedTake);
            take.ShotPrompts.Should().Equal(planned.Shots.Select(s => s.Prompt));
            take.Durations.Should().Equal(planned.Shots.Select(s => s.Duration.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            take.CostUsd.Should().BeGreaterThan(0);
            take.Mode.Should().Be(VideoModelCatalog.For(SequenceModelCheck.ModelFor(planned, SettingsDefaults.VideoModel)).FitsOneCall(planned) ? TakeMode.MultiShot : TakeMode.Individual, planned.Id);
            var seconds = take.Files.Sum(f => Mp4Inspector.Inspect(Path.Combine(dir, f.Path)).DurationS);
            seconds.Should().BeApproximately(planned.TotalDurationS, 0.05, planned.Id);
            record.Grids.Should().NotBeEmpty();
            new[] { record.Grids[^1].PassRunId, record.StartFrame!.PassRunId, take.PassRunId }.Should().OnlyContain(p => p == record.PassRunId, $"{planned.Id}: one pass from grid to take");
            new[] { record.Grids[^1].File!, record.StartFrame.File }.Concat(take.Files.Select(f => f.Path))
                .Should().OnlyContain(f => Path.GetFileName(f).StartsWith(record.PassRunId + "_", StringComparison.Ordinal), planned.Id);
            runIds.Add(take.RunId);
        }

        foreach (var (id, model) in new[] { ("SEQ06", "leonardo:kling-3.0"), ("SEQ10", "leonardo:veo-3.1-generate-001") })
        {
            // Issue #11: these two run on Leonardo through the emulator, one call a shot, with both costs on the take.
            var take = sequences.Sequences[id].Takes[0];
            take.Provider.Should().Be("leonardo", id);
            take.Model.Should().Be(model, id);
            take.Mode.Should().Be(TakeMode.Individual, id);
            take.RequestIds.Should().HaveCount(3);
            take.RequestIds.Select(g => Guid.TryParse(g, out _)).Should().OnlyContain(isId => isId, "the generation ids Leonardo returned");
            take.ReportedCosts.Should().HaveCount(3).And.OnlyContain(c => c.Unit == "DOLLARS" && c.Amount > 0);
            take.CostUsd.Should().Be(take.ReportedCosts.Sum(c => c.Amount), "a take costs what Leonardo billed when it says");
            executions.Executions.Values.Where(e => take.ExecutionIds.Contains(e.Id)).Sum(e => e.CostUsd)
                .Should().NotBe(take.CostUsd, "StarSend's estimate is kept on the calls beside Leonardo's bill, not replaced by it");
            take.ElementsDropped.Should().NotBeEmpty("Leonardo's Kling and Veo take no reference element with a start frame");
            executions.Executions.Values.Where(e => take.ExecutionIds.Contains(e.Id)).Should().OnlyContain(e => e.Model == model && e.ReportedCost != null);
        }

        result.Out.Should().Contain("leonardo:kling-3.0").And.Contain("leonardo:veo-3.1-generate-001");
        sequences.Sequences["SEQ09"].Takes[0].ElementsDropped.Should().NotBeEmpty("the demo's SEQ09 has more elements than Kling's cap");
        sequences.Sequences.Values.SelectMany(s => s.Grids).Should().Contain(g => g.Calls > 1, "the demo injects one non-grid answer");
        ProjectState.ShouldHaveEachPaidJobInExactlyOneTake(sequences, executions);
        runIds.Should().ContainSingle();
        var runId = runIds.Single();
        Directory.EnumerateFiles(Path.Combine(dir, "media"), "*", SearchOption.AllDirectories)
            .Select(Path.GetFileName).Should().OnlyContain(name => name!.StartsWith(runId + "_", StringComparison.Ordinal));
        var events = Directory.EnumerateFiles(Path.Combine(dir, "logs"), "*.jsonl").SelectMany(File.ReadLines).ToList();
        events.Should().NotBeEmpty();
        var roots = events.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var keys = roots.Select(e => e.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal)).ToList();
        keys.Should().OnlyContain(k => k.Contains("@t") && k.Contains("@mt"), "log files are CLEF");
        keys.Should().Contain(k => k.Contains("@l"), "levels other than Information carry @l");
        roots.Select(e => e.GetProperty("RunId").GetString()).Should().OnlyContain(id => id == runId);
    }
}
