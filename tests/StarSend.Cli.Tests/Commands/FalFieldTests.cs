using StarSend.Cli.Tests.Commands.Support;
using StarSend.Cli.Tests.Harness;
using StarSend.Core.Errors;
using StarSend.Emulator;
using StarSend.Testing;

namespace StarSend.Cli.Tests.Commands;

/// <summary>fal field shapes through the real CLI: a rate-limited submit waited out (#13), a locked account stopping the batch (#8 item 6).</summary>
public sealed class FalFieldTests
{
    [Fact]
    public async Task Generate_FirstSubmitAnswered429_WaitsAndEndsWithTheTakeAndOneAcceptedSubmit()
    {
        // The CLI's own per-call deadlines (60 s) are deadlines here, not waits to skip to.
        var clock = new DrivenClock(DrivenClock.NewFake()) { DeadlineFloor = TimeSpan.FromSeconds(45) };
        await using var project = await EmulatedProject.StartAsync(new EmulatorOptions
        {
            Time = clock.Fake,
            QueueWait = TimeSpan.FromSeconds(2),
            RunTime = TimeSpan.FromSeconds(20),
        });
        await project.GridAndPickAsync("SEQ01");
        project.Emulator.SetFaults("submit:429@1");
        var output = new StringWriter();
        var error = new StringWriter();
        var host = new CliHost { Out = output, Error = error, Environment = project.Environment, CurrentDirectory = project.Dir, Time = clock };

        var code = await clock.RunAsync(StarSendApp.RunAsync(["generate", "SEQ01"], host));

        code.Should().Be(ExitCodes.Ok, $"{output}{error}");
        StateFiles.State(project.Dir, "SEQ01").Should().Be("review");
        var stats = project.Emulator.GetStats();
        stats.SubmitsAccepted.Should().Be(1);
        stats.Requests["submit"].Should().Be(2, "the refused submit was sent again in the same run");
        clock.Waits.Should().Contain(w => w >= TimeSpan.FromSeconds(1) && w <= TimeSpan.FromSeconds(1.2), "it waited as long as Retry-After said (1 s), jittered");
        var said = error.ToString() + string.Concat(Directory.GetFiles(Path.Combine(project.Dir, "logs")).Select(File.ReadAllText));
        said.Should().Contain("did not accept the submit").And.Contain("submitting again");
    }

    [Fact]
    public async Task GenerateBatch_AccountLocked_StopsAtTheFirstRefusalWithExitCode6AndSaysToTopUp()
    {
        await using var project = await EmulatedProject.StartAsync();
        await project.GridAndPickAsync("SEQ01");
        await project.GridAndPickAsync("SEQ02");
        project.SetSettings(("concurrency", 1));
        project.Emulator.SetFaults("submit:locked@1");

        var result = await project.RunAsync("generate", "SEQ01", "SEQ02");

        result.ShouldFailWith(ExitCodes.AccountBlocked);
        (result.Out + result.Error).Should().Contain("top up").And.MatchRegex("SEQ0[12]: not sent|not started").And.NotContain("FAL_KEY");
        project.Emulator.GetStats().Requests["submit"].Should().Be(1, "no billable call follows the first refusal");
        project.Emulator.GetStats().SubmitsAccepted.Should().Be(0);
        StateFiles.State(project.Dir, "SEQ01").Should().Be("start_frame_approved");
        StateFiles.State(project.Dir, "SEQ02").Should().Be("start_frame_approved");
    }
}
