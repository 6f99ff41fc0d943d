using StarSend.Cli.Commands;
using StarSend.Cli.Tests.Commands.Support;
using StarSend.Cli.Tests.Harness;
using StarSend.Core.Errors;
using StarSend.Testing;

namespace StarSend.Cli.Tests.Commands;

/// <summary><c>generate --model</c> and Leonardo through the real CLI against the loopback emulator (issue #11).</summary>
public sealed class VideoModelTests
{
    [Fact]
    public async Task Generate_RetiredModel_IsOneLineExitTwoAndNothingIsSent()
    {
        using var temp = new TempDirectory();
        var project = temp.Combine("project");
        DemoProject.CopyTo(project);
        var before = ProjectSnapshot.Take(project);

        var result = await Harness.Cli.RunAsync(project, OfflineEnvironment.Create(), "generate", "SEQ01", "--model", "sora-2-pro");

        result.ShouldFailWith(ExitCodes.BadInput);
        result.ErrorMessages().Should().ContainSingle().Which.Should()
            .Be("Error: --model: video model 'sora-2-pro' was retired on 2026-09-24 (OpenAI shut the Sora 2 Videos API down, with no direct replacement); use 'leonardo:kling-3.0' instead");
        ProjectSnapshot.Take(project, "logs").ChangesSince(before).Should().BeEmpty();
    }

    [Fact]
    public async Task Generate_ModelWhoseDurationsTheSequenceBreaks_IsRefusedWithThePathBeforeAnythingIsPaid()
    {
        await using var project = await EmulatedProject.StartAsync();
        await project.MustRunAsync("grid", "SEQ02");
        await project.MustRunAsync("pick", "SEQ02", "1");

        var result = await project.RunAsync("generate", "SEQ02", "--model", "leonardo:veo-3.1-generate-001", "--yes");

        result.ShouldFailWith(ExitCodes.BadInput);
        (result.Out + result.Error).Should().Contain("$.sequences[1].shots[3].duration").And.Contain("must be 4, 6 or 8 seconds");
        project.Emulator.GetStats().Requests["leonardo_init_image"].Should().Be(0);
        StateFiles.State(project.Dir, "SEQ02").Should().Be("start_frame_approved");
    }

    [Fact]
    public async Task Generate_DryRunOnLeonardo_ShowsTheModelTheCallsAndTheStandInPriceAndSendsNothing()
    {
        await using var project = await EmulatedProject.StartAsync();
        await project.MustRunAsync("grid", "SEQ02");
        await project.MustRunAsync("pick", "SEQ02", "1");

        var result = await project.RunAsync("generate", "SEQ02", "--model", "leonardo:kling-3.0", "--dry-run");

        result.ShouldSucceed();
        result.Out.Should().Contain("SEQ02: leonardo:kling-3.0, 4 call(s), individual, estimated $1.500").And.Contain("stand-in price");
        result.Out.Should().Contain("\"model\": \"leonardo:kling-3.0\"");
        var stats = project.Emulator.GetStats();
        (stats.Requests["leonardo_init_image"] + stats.Requests["leonardo_create"] + stats.Requests["submit"]).Should().Be(0);
    }

    [Fact]
    public async Task Generate_OnLeonardo_MakesATakeWithBothCostsAndARerunPaysNothing()
    {
        await using var project = await EmulatedProject.StartAsync();
        await project.MustRunAsync("grid", "SEQ02");
        await project.MustRunAsync("pick", "SEQ02", "1");

        var result = await project.RunAsync("generate", "SEQ02", "--model", "leonardo:kling-3.0", "--yes");
        var again = await project.RunAsync("generate", "SEQ02", "--model", "leonardo:kling-3.0", "--yes");

        result.ShouldSucceed();
        result.Out.Should().Contain("leonardo:kling-3.0, $1.470 as leonardo reported", "a take costs what the provider charged when it says");
        again.ShouldSucceed();
        var take = StateFiles.Sequence(project.Dir, "SEQ02")["takes"]![0]!;
        ((string)take["model"]!).Should().Be("leonardo:kling-3.0");
        ((string)take["provider"]!).Should().Be("leonardo");
        take["request_ids"]!.AsArray().Should().HaveCount(4);
        take["reported_costs"]!.AsArray().Select(c => (string)c!["unit"]!).Should().Equal("DOLLARS", "DOLLARS", "DOLLARS", "DOLLARS");
        take["elements_dropped"]!.AsArray().Select(e => (string)e!).Should().Equal("singer", "bicycle");
        var stats = project.Emulator.GetStats();
        stats.LeonardoGenerationsAccepted.Should().Be(4, "four shots, one call each, paid once across both runs");
        stats.SubmitsAccepted.Should().Be(0);
        stats.Requests["leonardo_init_image"].Should().Be(1, "one start frame, uploaded once and reused by its content hash");
    }

    [Fact]
    public async Task Generate_OnLeonardoWithoutItsKey_SaysWhichVariableAndPaysNothing()
    {
        await using var project = await EmulatedProject.StartAsync();
        await project.MustRunAsync("grid", "SEQ02");
        await project.MustRunAsync("pick", "SEQ02", "1");
        var env = project.Environment;
        env.Remove("LEONARDO_API_KEY");

        var result = await Harness.Cli.RunAsync(project.Dir, env, "generate", "SEQ02", "--model", "leonardo:kling-3.0", "--yes");

        result.ExitCode.Should().NotBe(0);
        (result.Out + result.Error).Should().Contain("LEONARDO_API_KEY");
        result.ShouldHaveNoStackTrace();
        project.Emulator.GetStats().LeonardoGenerationsAccepted.Should().Be(0);
    }
}
