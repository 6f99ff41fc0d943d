using StarSend.Cli.Tests.Commands.Support;
using StarSend.Cli.Tests.Harness;
using StarSend.Core.Errors;

namespace StarSend.Cli.Tests.Commands;

/// <summary><c>starsend analyze</c> through the real CLI against the emulator: paid once, shown by <c>status</c>, stale after a new pick.</summary>
public sealed class AnalyzeCommandTests
{
    [Fact]
    public async Task Analyze_AfterPick_StatusShowsItThenStaleAfterARepick()
    {
        await using var project = await EmulatedProject.StartAsync();
        (await project.RunAsync("analyze", "SEQ01")).ShouldFailWith(ExitCodes.IllegalState);
        project.Emulator.GetStats().Requests.Values.Sum().Should().Be(0, "nothing is sent for a sequence without a start frame");

        await project.MustRunAsync("grid", "SEQ01");
        await project.MustRunAsync("pick", "SEQ01", "1");
        await project.MustRunAsync("analyze", "SEQ01");
        var again = await project.MustRunAsync("analyze", "SEQ01");
        again.Out.Should().Contain("skipped");
        StateFiles.Sequence(project.Dir, "SEQ01")["analyses"]!.AsArray().Should().HaveCount(1);

        var status = await project.MustRunAsync("status", "SEQ01");
        status.Out.Should().Contain("SEQ01 analysis 1 (gemini-3.8-flash)").And.Contain("motion elements 1 ");

        await project.MustRunAsync("pick", "SEQ01", "4");
        (await project.MustRunAsync("status", "SEQ01")).Out.Should().Contain("STALE");
        (await project.MustRunAsync("status", "SEQ01", "--json")).Out.Should().MatchRegex(@"""stale"":\s*true");
    }
}
