using StarSend.Cli.Tests.Commands.Support;
using StarSend.Cli.Tests.Harness;
using StarSend.Core.Errors;

namespace StarSend.Cli.Tests.Commands;

/// <summary><c>starsend reset</c> through the real CLI: back to image selection, then another pick from the same paid grid.</summary>
public sealed class ResetCommandTests
{
    [Fact]
    public async Task Reset_AfterATake_BackToGridReviewThenRepick_IllegalTargetIsExit3NamingTheLegalOnes()
    {
        await using var project = await EmulatedProject.StartAsync();
        await project.MustRunAsync("grid", "SEQ01");
        await project.MustRunAsync("pick", "SEQ01", "1");
        await project.MustRunAsync("generate", "SEQ01", "--yes");

        var bad = await project.RunAsync("reset", "SEQ01", "--to", "review");
        bad.ShouldFailWith(ExitCodes.IllegalState);
        bad.ErrorMessages().Should().ContainSingle().Which.Should().Contain("grid_review and start_frame_approved");

        var done = await project.MustRunAsync("reset", "SEQ01", "--to", "grid_review");
        done.Out.Should().Contain("SEQ01:").And.Contain("kept 1 grid(s), 1 take(s)");
        StateFiles.State(project.Dir, "SEQ01").Should().Be("grid_review");
        await project.MustRunAsync("pick", "SEQ01", "2");
        StateFiles.State(project.Dir, "SEQ01").Should().Be("start_frame_approved");
        StateFiles.Sequence(project.Dir, "SEQ01")["takes"]!.AsArray().Should().HaveCount(1);
        project.Emulator.GetStats().SubmitsAccepted.Should().Be(1);
        project.Emulator.GetStats().ImagesGenerated.Should().Be(1);
    }
}
