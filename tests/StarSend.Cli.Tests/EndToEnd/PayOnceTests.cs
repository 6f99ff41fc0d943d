using StarSend.Cli.Tests.Harness;
using StarSend.Core.Executions;
using StarSend.Emulator;
using CliRun = StarSend.Cli.Tests.Harness.Cli;

namespace StarSend.Cli.Tests.EndToEnd;

public sealed class PayOnceTests
{
    [Fact]
    public async Task Generate_SubmitResponseLost_ReportsUnknownAndPaysAgainOnlyWithResubmit()
    {
        await using var project = await EmulatedProject.StartAsync();
        (await project.RunAsync("grid", "SEQ01")).ExitCode.Should().Be(0);
        (await project.RunAsync("pick", "SEQ01", "1")).ExitCode.Should().Be(0);
        project.Emulator.SetFaults("submit:lost-response@1");

        var lost = await project.RunAsync("generate", "SEQ01");
        var again = await project.RunAsync("generate", "SEQ01");

        lost.ExitCode.Should().Be(4);
        (lost.Out + lost.Error).Should().Contain("--resubmit").And.Contain("may have been billed");
        again.ExitCode.Should().Be(4, "a second plain run must not submit again");
        project.Emulator.GetStats().SubmitsAccepted.Should().Be(1);
        var executions = await ProjectState.ExecutionsAsync(project.Dir);
        executions.Executions.Values.Should().ContainSingle(e => e.Kind == ExecutionKind.Video)
            .Which.Status.Should().Be(ExecutionStatus.SubmissionUnknown);

        var resubmitted = await project.RunAsync("generate", "SEQ01", "--resubmit");

        resubmitted.ExitCode.Should().Be(0, resubmitted.Error + resubmitted.Out);
        project.Emulator.GetStats().SubmitsAccepted.Should().Be(2);
        var sequences = await ProjectState.SequencesAsync(project.Dir);
        sequences.Sequences["SEQ01"].Takes.Should().ContainSingle();
    }

    [Fact]
    public async Task Generate_TwoProducersAtOnce_NoUpdateLostAndNothingPaidTwice()
    {
        await using var project = await EmulatedProject.StartAsync(new EmulatorOptions { RunTime = TimeSpan.FromMilliseconds(300) });
        await PreparedProject.PickAllAsync(project);

        using var first = CliRun.Start(project.Dir, project.Environment, "generate", "SEQ01", "SEQ02", "SEQ03", "SEQ05", "SEQ06", "SEQ07", "--yes");
        using var second = CliRun.Start(project.Dir, project.Environment, "generate", "SEQ05", "SEQ06", "SEQ07", "SEQ09", "SEQ11", "SEQ12", "--yes");
        var outputs = await Task.WhenAll(Drain(first), Drain(second));
        await Task.WhenAll(first.WaitForExitAsync(), second.WaitForExitAsync()).WaitAsync(TimeSpan.FromMinutes(3));

        new[] { first.ExitCode, second.ExitCode }.Should().OnlyContain(code => code == 0 || code == 3, string.Join('\n', outputs));
        var sequences = await ProjectState.SequencesAsync(project.Dir);
        var executions = await ProjectState.ExecutionsAsync(project.Dir);
        foreach (var id in new[] { "SEQ01", "SEQ02", "SEQ03", "SEQ05", "SEQ06", "SEQ07", "SEQ09", "SEQ11", "SEQ12" })
        {
            sequences.Sequences[id].Takes.Should().ContainSingle($"{id} was asked by one or both producers, and exactly one take was paid");
        }

        ProjectState.ShouldHaveEachPaidJobInExactlyOneTake(sequences, executions);
        var stats = project.Emulator.GetStats();
        (stats.SubmitsAccepted + stats.LeonardoGenerationsAccepted).Should().Be(executions.Executions.Values.Count(e => e.Kind == ExecutionKind.Video), "SEQ06 runs on Leonardo in the demo plan");
    }

    private static async Task<string> Drain(System.Diagnostics.Process process)
    {
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        return await output + await error;
    }
}
