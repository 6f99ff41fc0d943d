using System.Text.Json;
using System.Text.RegularExpressions;
using StarSend.Cli.Tests.Commands.Support;
using StarSend.Cli.Tests.Harness;
using StarSend.Core.Errors;

namespace StarSend.Cli.Tests.EndToEnd;

/// <summary>The progress of a piped batch (plain lines on stderr), its log, and the report's next step, through the real CLI and emulator.</summary>
public sealed partial class ProgressTests
{
    [Fact]
    public async Task Generate_Piped_EveryStepEndsDoneWithItsTakeFooterCountsUpAndNextStepNamesThePick()
    {
        await using var project = await EmulatedProject.StartAsync();
        await project.MustRunAsync("grid", "SEQ01", "SEQ04", "SEQ05");
        await project.MustRunAsync("pick", "SEQ01", "1");
        await project.MustRunAsync("pick", "SEQ04", "2");
        await project.MustRunAsync("pick", "SEQ04", "3", "--shot", "shot02");

        var result = await project.RunAsync("generate", "SEQ01", "SEQ04", "SEQ05", "--yes");

        result.ExitCode.Should().Be(ExitCodes.IllegalState, "SEQ05 has no start frame yet");
        var lines = result.ErrorLines;
        foreach (var step in new[] { "SEQ01", "SEQ04_shot01", "SEQ04_shot02" })
        {
            lines.Where(l => l.StartsWith(step + ": ", StringComparison.Ordinal)).Last().Should().StartWith($"{step}: done (take 1, $", step);
        }

        lines.Should().Contain(l => l.StartsWith("SEQ05: failed: ", StringComparison.Ordinal));
        var footers = lines.Select(l => Footer().Match(l)).Where(m => m.Success).ToList();
        footers.Select(m => int.Parse(m.Groups["jobs"].Value, System.Globalization.CultureInfo.InvariantCulture)).Should().BeInAscendingOrder().And.Contain(3);
        footers[^1].Groups["total"].Value.Should().Be("3");
        footers[^1].Value.Should().Contain("sequences 2/3, 1 failed");
        result.Out.TrimEnd().Split('\n')[^1].Should().Be("Next: pick a cell for SEQ05 (starsend pick SEQ CELL); review the takes in media/videos, then starsend approve SEQ --take N");

        var events = Directory.EnumerateFiles(Path.Combine(project.Dir, "logs"), "*.jsonl").SelectMany(File.ReadLines)
            .Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var progress = events.Where(e => e.TryGetProperty("StepId", out _)).Select(e => (Step: e.GetProperty("StepId").GetString(), Phase: e.GetProperty("Phase").GetString(), Text: e.GetProperty("Progress").GetString()!)).ToList();
        progress.Should().Contain(("SEQ04_shot02", "Done", "done (take 1, $0.67)"));
        events.Where(e => e.TryGetProperty("JobsDone", out _)).Select(e => e.GetProperty("JobsDone").GetInt32()).Should().Contain(3);
    }

    [Fact]
    public async Task Grid_Json_NothingOnStderrAndTheNextStepInTheJson()
    {
        await using var project = await EmulatedProject.StartAsync();

        var result = await project.RunAsync("grid", "SEQ01", "SEQ02", "--json");

        result.ShouldSucceed();
        result.Error.Should().BeEmpty();
        JsonDocument.Parse(result.Out).RootElement.GetProperty("next").GetString().Should().Be("Next: pick a cell for SEQ01 SEQ02 (starsend pick SEQ CELL)");
    }

    [Fact]
    public async Task Generate_ProviderFailure_NextStepIsTheResumeCommand()
    {
        await using var project = await EmulatedProject.StartAsync(new Emulator.EmulatorOptions
        {
            QueueWait = TimeSpan.FromMilliseconds(50),
            RunTime = TimeSpan.FromMilliseconds(300),
            Faults = "submit:422",
        });
        await project.GridAndPickAsync("SEQ01");

        var result = await project.RunAsync("generate", "SEQ01");

        result.ExitCode.Should().Be(ExitCodes.ProviderFailed);
        result.ErrorLines.Should().Contain(l => l.StartsWith("SEQ01: failed: ", StringComparison.Ordinal));
        result.Out.TrimEnd().Split('\n')[^1].Should().Be("Next: resume what failed: starsend generate SEQ01");
    }

    [Fact]
    public async Task Generate_SubmitRateLimited_RowWaitsThenTurnsDoneAndOneSubmitIsAccepted()
    {
        await using var project = await EmulatedProject.StartAsync(new Emulator.EmulatorOptions
        {
            QueueWait = TimeSpan.FromMilliseconds(50),
            RunTime = TimeSpan.FromMilliseconds(300),
        });
        await project.GridAndPickAsync("SEQ01");
        project.Emulator.SetFaults("submit:429=0@1");

        var result = await project.RunAsync("generate", "SEQ01");

        result.ShouldSucceed();
        var rows = result.ErrorLines.Where(l => l.StartsWith("SEQ01: ", StringComparison.Ordinal)).ToList();
        rows.Should().Contain(l => l.StartsWith("SEQ01: waiting ", StringComparison.Ordinal) && l.Contains("(rate limit, submit 2 of", StringComparison.Ordinal));
        rows[^1].Should().StartWith("SEQ01: done (take 1, $");
        project.Emulator.GetStats().SubmitsAccepted.Should().Be(1);
    }

    [GeneratedRegex(@"^\[sequences .*· jobs (?<jobs>\d+)/(?<total>\d+)")]
    private static partial Regex Footer();
}
