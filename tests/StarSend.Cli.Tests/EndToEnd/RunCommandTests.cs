using System.Text.Json;
using StarSend.Cli.Tests.Commands.Support;
using StarSend.Cli.Tests.Harness;
using StarSend.Core.Executions;
using StarSend.Core.Plans;
using StarSend.Core.Sequences;

namespace StarSend.Cli.Tests.EndToEnd;

/// <summary>Issue #15: <c>starsend run</c> walks grid → pick → generate, does only what is missing, and pays for nothing twice.</summary>
public sealed class RunCommandTests
{
    [Fact]
    public async Task RunSection_FreshDemo_EveryChorusSequenceInReviewWithOneGridOneAutoPickOneTake()
    {
        await using var project = await EmulatedProject.StartAsync();
        var chorus = PlanLoader.Load(project.Dir).Plan.Sequences.Where(s => s.Section == "chorus").Select(s => s.Id).ToList();

        var result = await project.RunAsync("run", "--section", "chorus", "--yes");

        result.ExitCode.Should().Be(0, result.Error + result.Out);
        var sequences = await ProjectState.SequencesAsync(project.Dir);
        sequences.Sequences.Keys.Should().BeEquivalentTo(chorus, "run touches only the section's sequences");
        foreach (var id in chorus)
        {
            var record = sequences.Sequences[id];
            record.State.Should().Be(SequenceState.Review, id);
            record.Grids.Should().ContainSingle(id);
            record.StartFrame!.Auto.Should().BeTrue($"{id}'s pick was made by run");
            record.StartFrame.AutoReason.Should().Contain("cell 1");
            (record.StartFrame.Row, record.StartFrame.Col).Should().Be((0, 0), "the default pick is cell 1");
            record.Takes.Should().ContainSingle(id);
        }

        result.Out.Should().Contain("starsend approve").And.Contain("grid 1, pick r0c0, take 1");
        // The piped progress view's last footer counts the grids as well as the takes: what the state says was spent.
        var footer = result.Error.Split('\n').Last(l => l.Contains("spent $", StringComparison.Ordinal));
        var spent = decimal.Parse(footer.Split("spent $")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        spent.Should().Be(Math.Round(sequences.Sequences.Values.Sum(s => s.CostUsd), 2), footer);
        result.Error.Should().Contain($"{chorus[0]}_grid: ", "the grid has its own row, apart from the take's");
        await ShouldHavePaidOnceAsync(project);
    }

    [Fact]
    public async Task RunAllUntilGrid_ThenRunAll_SameEndAndNothingPaidTwice()
    {
        await using var project = await EmulatedProject.StartAsync();

        var overnight = await project.RunAsync("run", "--all", "--until", "grid");
        var states = (await ProjectState.SequencesAsync(project.Dir)).Sequences.Values.Select(s => s.State).Distinct().ToList();
        var images = project.Emulator.GetStats().ImagesGenerated;
        var rest = await project.RunAsync("run", "--all", "--yes");
        var again = await project.RunAsync("run", "--all", "--yes");

        overnight.ExitCode.Should().Be(0, overnight.Error + overnight.Out);
        states.Should().Equal(SequenceState.GridReview);
        overnight.Out.Should().Contain("starsend pick SEQ01 CELL");
        rest.ExitCode.Should().Be(0, rest.Error + rest.Out);
        again.ExitCode.Should().Be(0, again.Error + again.Out);
        project.Emulator.GetStats().ImagesGenerated.Should().Be(images, "no grid drawn again");
        var sequences = await ProjectState.SequencesAsync(project.Dir);
        sequences.Sequences.Should().HaveCount(12);
        sequences.Sequences.Values.Should().OnlyContain(s => s.State == SequenceState.Review && s.Grids.Count == 1 && s.Takes.Count == 1 && s.StartFrame!.Auto == true);
        again.Out.Should().Contain("cost $0.00").And.Contain("starsend approve SEQ12 --take 1");
        await ShouldHavePaidOnceAsync(project);
    }

    [Fact]
    public async Task RunPickAuto_RanksTheCellsAndRecordsTheReason()
    {
        await using var project = await EmulatedProject.StartAsync();

        var result = await project.RunAsync("run", "SEQ02", "--pick", "auto", "--until", "pick");

        result.ExitCode.Should().Be(0, result.Error + result.Out);
        var frame = (await ProjectState.SequencesAsync(project.Dir)).Sequences["SEQ02"].StartFrame!;
        frame.Auto.Should().BeTrue();
        frame.AutoReason.Should().StartWith($"auto: r{frame.Row}c{frame.Col} scored highest").And.Contain("r0c0 sharpness").And.Contain("r1c1 sharpness")
            .And.Contain("colour closeness not scored");
        project.Emulator.GetStats().SubmitsAccepted.Should().Be(0, "--until pick pays for no take");
        var status = await project.RunAsync("status", "SEQ02");
        status.Out.Should().Contain($"SEQ02 start frame r{frame.Row}c{frame.Col} of grid 1 was picked by run ({frame.AutoReason})");
    }

    [Fact]
    public async Task RunPickAuto_AfterAnAnalysisAndAJumpBack_ScoresEachCellsShareOfTheAnalysedColours()
    {
        await using var project = await EmulatedProject.StartAsync();
        (await project.RunAsync("run", "SEQ02", "--pick", "auto", "--until", "analyze")).ExitCode.Should().Be(0);
        (await project.RunAsync("reset", "SEQ02", "--to", "grid_review")).ExitCode.Should().Be(0);

        var result = await project.RunAsync("run", "SEQ02", "--pick", "auto", "--until", "pick");

        result.ExitCode.Should().Be(0, result.Error + result.Out);
        var record = (await ProjectState.SequencesAsync(project.Dir)).Sequences["SEQ02"];
        var colours = record.Analyses.Single().Answer.Environment.DominantColors;
        record.StartFrame!.AutoReason.Should().Contain("+ colour share").And.MatchRegex(@"r0c0 sharpness [^;]*, \d+ % in the colours")
            .And.EndWith($"closeness to analysis 1's dominant colours ({string.Join(", ", colours)})");
        project.Emulator.GetStats().StructuredAnswers.Should().Be(1, "ranking reads the stored analysis; it asks nothing");
    }

    [Fact]
    public async Task Run_AfterAResetToGridReview_WaitsForAPick_PaysNothing_UnlessPickIsGiven()
    {
        await using var project = await EmulatedProject.StartAsync();
        (await project.RunAsync("run", "SEQ01", "--pick", "3", "--yes")).ExitCode.Should().Be(0);
        (await project.RunAsync("reset", "SEQ01", "--to", "grid_review")).ExitCode.Should().Be(0);
        var submits = project.Emulator.GetStats().SubmitsAccepted;

        var dry = await project.RunAsync("run", "SEQ01", "--dry-run");
        var looked = await project.RunAsync("run", "SEQ01", "--yes");
        var keptFrame = (await ProjectState.SequencesAsync(project.Dir)).Sequences["SEQ01"].StartFrame!;
        var dryPick = await project.RunAsync("run", "SEQ01", "--pick", "2", "--dry-run");

        looked.ExitCode.Should().Be(0, looked.Error + looked.Out);
        looked.Out.Should().Contain("starsend pick SEQ01 CELL (or starsend run SEQ01 --pick CELL)");
        dry.Out.Should().NotContain("take (", "the dry run says what the real run then does").And.NotContain("pick 1");
        (keptFrame.Row, keptFrame.Col).Should().Be((1, 0), "the producer's cell 3 is kept, not replaced by the default cell 1");
        project.Emulator.GetStats().SubmitsAccepted.Should().Be(submits, "going back to look costs nothing");
        dryPick.Out.Should().Contain("pick 2 $0").And.Contain("take (", "an explicit --pick replaces the kept frame, and then a take is what is missing");
    }

    [Fact]
    public async Task RunDryRun_PrintsStepsCostsAndBudgetLeft_AndSendsNothing()
    {
        await using var project = await EmulatedProject.StartAsync();

        var result = await project.RunAsync("run", "--section", "chorus", "--dry-run", "--json");

        result.ExitCode.Should().Be(0, result.Error + result.Out);
        project.Emulator.GetStats().Requests.Values.Sum().Should().Be(0);
        File.Exists(StateFiles.SequencesPath(project.Dir)).Should().BeFalse("a dry run writes nothing");
        using var json = JsonDocument.Parse(result.Out);
        var rows = json.RootElement.GetProperty("sequences").EnumerateArray().ToList();
        rows.Should().HaveCount(3);
        rows.Should().OnlyContain(r => r.GetProperty("steps").GetArrayLength() == 3 && r.GetProperty("cost_usd").GetDecimal() > 0);
        var total = json.RootElement.GetProperty("total_cost_usd").GetDecimal();
        total.Should().Be(rows.Sum(r => r.GetProperty("cost_usd").GetDecimal()));
        json.RootElement.GetProperty("budget_left_usd").GetDecimal().Should().Be(100m, "the demo's budget, nothing spent yet");
    }

    [Fact]
    public async Task RunUntilAnalyze_GridPickThenOneAnalysisEach_ARerunPaysNothingMore()
    {
        await using var project = await EmulatedProject.StartAsync();

        var result = await project.RunAsync("run", "SEQ01", "SEQ02", "--until", "analyze");

        result.ExitCode.Should().Be(0, result.Error + result.Out);
        var sequences = await ProjectState.SequencesAsync(project.Dir);
        foreach (var id in new[] { "SEQ01", "SEQ02" })
        {
            var record = sequences.Sequences[id];
            record.State.Should().Be(SequenceState.StartFrameApproved, id);
            record.Analyses.Should().ContainSingle(id).Which.StartFrameFile.Should().Be(record.StartFrame!.File);
            record.Takes.Should().BeEmpty();
        }

        var requests = project.Emulator.GetStats().Requests.Values.Sum();
        project.Emulator.GetStats().SubmitsAccepted.Should().Be(0, "--until analyze stops before any take");
        (await project.RunAsync("run", "SEQ01", "SEQ02", "--until", "analyze")).ExitCode.Should().Be(0);
        project.Emulator.GetStats().Requests.Values.Sum().Should().Be(requests, "a re-run finds every step done and pays for nothing");
        (await ProjectState.ExecutionsAsync(project.Dir)).Executions.Values.Count(e => e.Kind == ExecutionKind.Structured).Should().Be(2);
    }

    private static async Task ShouldHavePaidOnceAsync(EmulatedProject project)
    {
        var sequences = await ProjectState.SequencesAsync(project.Dir);
        var executions = await ProjectState.ExecutionsAsync(project.Dir);
        ProjectState.ShouldHaveEachPaidJobInExactlyOneTake(sequences, executions);
        var requestIds = executions.Executions.Values.Where(e => e.Kind == ExecutionKind.Video).Select(e => e.RequestId).OfType<string>().ToList();
        var stats = project.Emulator.GetStats();
        (stats.SubmitsAccepted + stats.LeonardoGenerationsAccepted).Should().Be(requestIds.Count, "fal submits and Leonardo generations (SEQ06, SEQ10) alike");
        project.Emulator.GetStats().ImagesGenerated.Should().Be(executions.Executions.Values.Count(e => e is { Kind: ExecutionKind.Keyframe, Status: ExecutionStatus.Complete }));
    }
}
