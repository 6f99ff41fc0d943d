using System.Globalization;
using System.Text.RegularExpressions;
using StarSend.Cli.Tests.Commands.Support;
using StarSend.Cli.Tests.Harness;
using StarSend.Core.Errors;

namespace StarSend.Cli.Tests.Commands;

/// <summary>What stops <c>generate</c> before it pays: the budget, --dry-run, and an element Kling's cap would drop.</summary>
public sealed partial class GenerateGuardTests
{
    [Fact]
    public async Task Generate_BudgetTooSmall_ExitsFiveAndSubmitsNothing()
    {
        await using var project = await EmulatedProject.StartAsync();
        await project.GridAndPickAsync("SEQ01");
        project.SetSettings(("budget_usd", 0.01));
        var images = project.Emulator.GetStats().ImagesGenerated;

        var dry = await project.MustRunAsync("generate", "SEQ01", "--dry-run");
        var result = await project.RunAsync("generate", "SEQ01");

        dry.Out.Should().Contain("Budget $0.01: $").And.Contain("past the budget: the run would refuse what does not fit (exit 5)", "the dry run says what the real run then does");
        result.ShouldFailWith(ExitCodes.BudgetExceeded);
        result.Out.Should().Contain("budget").And.Contain("nothing was sent");
        project.Emulator.GetStats().SubmitsAccepted.Should().Be(0);
        StateFiles.State(project.Dir, "SEQ01").Should().Be("start_frame_approved", "a refused generate goes back where it was");
        StateFiles.Executions(project.Dir).Select(e => (string)e.Value!["kind"]!).Should().NotContain("video");

        var grid = await project.RunAsync("grid", "SEQ02");
        grid.ShouldFailWith(ExitCodes.BudgetExceeded);
        project.Emulator.GetStats().ImagesGenerated.Should().Be(images, "the budget guards image calls too");
    }

    [Fact]
    public async Task GenerateDryRun_PrintsTheRequestAndAnEstimateThatTheRealRunCosts_AndSendsNothing()
    {
        await using var project = await EmulatedProject.StartAsync();
        await project.GridAndPickAsync("SEQ02", "r0c1");
        var before = StateFiles.Bytes(project.Dir);

        var dry = await project.MustRunAsync("generate", "SEQ02", "--dry-run");

        dry.Out.Should().Contain("kling-video").And.Contain("\"shots\"").And.Contain("nothing was sent");
        foreach (var shot in PlanFile.Read(project.Dir)["sequences"]![1]!["shots"]!.AsArray())
        {
            dry.Out.Should().Contain((string)shot!["prompt"]!);
        }

        var estimate = decimal.Parse(Estimate().Match(dry.Out).Groups[1].Value, CultureInfo.InvariantCulture);
        estimate.Should().BePositive();
        var stats = project.Emulator.GetStats();
        stats.SubmitsAccepted.Should().Be(0);
        stats.Requests.Where(r => r.Key != "gemini").Should().OnlyContain(r => r.Value == 0, "no upload, submit or status call");
        StateFiles.Bytes(project.Dir).Sequences.Should().Equal(before.Sequences);
        StateFiles.Bytes(project.Dir).Executions.Should().Equal(before.Executions);

        await project.MustRunAsync("generate", "SEQ02");
        var paid = (decimal)StateFiles.Sequence(project.Dir, "SEQ02")["takes"]![0]!["cost_usd"]!;
        paid.Should().Be(estimate, "the dry run estimates what the real call is charged");
    }

    [Fact]
    public async Task Generate_FourElementsWithoutYesAndNoTerminal_ExitsTwoNamingTheDroppedElementAndPaysNothing()
    {
        await using var project = await EmulatedProject.StartAsync();
        var sequence = PlanFile.Read(project.Dir)["sequences"]!.AsArray().Single(s => s!["elements"]!.AsArray().Count == 4)!;
        var id = (string)sequence["id"]!;
        var dropped = (string)sequence["elements"]![3]!;
        await project.GridAndPickAsync(id);
        var before = StateFiles.Bytes(project.Dir);

        var result = await project.RunAsync("generate", id);

        result.ShouldFailWith(ExitCodes.BadInput);
        result.Out.Should().Contain($"dropping {dropped}").And.Contain("--yes");
        project.Emulator.GetStats().SubmitsAccepted.Should().Be(0);
        project.Emulator.GetStats().Requests.GetValueOrDefault("upload_initiate").Should().Be(0);
        StateFiles.Bytes(project.Dir).Sequences.Should().Equal(before.Sequences);
        StateFiles.Bytes(project.Dir).Executions.Should().Equal(before.Executions);

        await project.MustRunAsync("generate", id, "--yes");
        var take = StateFiles.Sequence(project.Dir, id)["takes"]![0]!;
        take["elements_dropped"]!.AsArray().Select(e => (string)e!).Should().Equal(dropped);
        take["elements_used"]!.AsArray().Should().HaveCount(3);
        project.Emulator.GetStats().SubmitsAccepted.Should().Be(1);
    }

    [GeneratedRegex(@"estimated \$([0-9.]+); nothing was sent")]
    private static partial Regex Estimate();
}
