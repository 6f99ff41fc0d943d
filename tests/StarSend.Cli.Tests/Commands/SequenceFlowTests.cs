using StarSend.Cli.Tests.Commands.Support;
using StarSend.Cli.Tests.Harness;
using StarSend.Core.Errors;

namespace StarSend.Cli.Tests.Commands;

/// <summary>One sequence from grid to final through the real CLI against the loopback emulator, then reconcile.</summary>
public sealed class SequenceFlowTests
{
    [Fact]
    public async Task Flow_GridPickGenerateApproveFinal_ReconcileAgreesUntilTheTakeIsDeleted()
    {
        await using var project = await EmulatedProject.StartAsync();

        await project.MustRunAsync("grid", "SEQ01");
        StateFiles.State(project.Dir, "SEQ01").Should().Be("grid_review");

        await project.MustRunAsync("pick", "SEQ01", "r0c1");
        var first = StateFiles.Sequence(project.Dir, "SEQ01")["start_frame"]!;
        ((int)first["row"]!, (int)first["col"]!).Should().Be((0, 1));
        await project.MustRunAsync("pick", "SEQ01", "3");
        var frame = StateFiles.Sequence(project.Dir, "SEQ01")["start_frame"]!;
        ((int)frame["row"]!, (int)frame["col"]!).Should().Be((1, 0), "cell 3 in reading order is r1c0");
        var frameFile = Path.Combine(project.Dir, (string)frame["file"]!);
        File.ReadAllBytes(frameFile).Should().NotEqual(File.ReadAllBytes(Path.Combine(project.Dir, (string)first["file"]!)));
        project.Emulator.GetStats().ImagesGenerated.Should().Be(1, "pick crops the grid; it makes no image call");

        (await project.RunAsync("approve", "SEQ01", "--final")).ShouldFailWith(ExitCodes.IllegalState);

        await project.MustRunAsync("generate", "SEQ01");
        StateFiles.State(project.Dir, "SEQ01").Should().Be("review");
        project.Emulator.GetStats().SubmitsAccepted.Should().Be(1);

        var early = await project.RunAsync("approve", "SEQ01", "--final");
        early.ShouldFailWith(ExitCodes.IllegalState);
        early.ErrorMessages().Should().ContainSingle().Which.Should()
            .Contain("SEQ01 is in review: approve --final needs approved").And.Contain("legal now: approve --take, generate, pick");

        (await project.RunAsync("approve", "SEQ01", "--take", "2")).ShouldFailWith(ExitCodes.BadInput);
        await project.MustRunAsync("approve", "SEQ01", "--take", "1");
        StateFiles.State(project.Dir, "SEQ01").Should().Be("approved");
        await project.MustRunAsync("approve", "SEQ01", "--final");
        StateFiles.State(project.Dir, "SEQ01").Should().Be("final");
        var finalRefused = await project.RunAsync("generate", "SEQ01", "--again", "--dry-run");
        finalRefused.ShouldFailWith(ExitCodes.IllegalState);
        finalRefused.Out.Split('\n').Should().Contain(l => l.StartsWith("SEQ01 ", StringComparison.Ordinal) && l.Contains(" final ", StringComparison.Ordinal),
            "the summary's STATE column shows the state the sequence is in, not not_started");

        var clean = await project.MustRunAsync("reconcile");
        clean.Out.Should().Contain("Everything agrees");
        (await project.MustRunAsync("reconcile", "--json")).Out.Should().MatchRegex("\"findings\":\\s*\\[\\s*\\]");

        var take = (string)StateFiles.Sequence(project.Dir, "SEQ01")["takes"]![0]!["files"]![0]!["path"]!;
        File.Delete(Path.Combine(project.Dir, take));

        var missing = await project.MustRunAsync("reconcile");
        missing.Out.Should().Contain($"take 1: {take} is missing (the approved take!)");
        var refused = await project.RunAsync("approve", "SEQ01", "--take", "1");
        refused.ExitCode.Should().NotBe(0);
        refused.ErrorMessages().Should().ContainSingle().Which.Should().Contain($"{take} is missing");
        StateFiles.State(project.Dir, "SEQ01").Should().Be("final", "reconcile never moves a sequence on its own");
        project.Emulator.GetStats().SubmitsAccepted.Should().Be(1, "nothing was paid twice");
    }

    [Fact]
    public async Task Approve_TakeFileDeletedBeforeApproval_IsRefusedAndTheSequenceStaysInReview()
    {
        await using var project = await EmulatedProject.StartAsync();
        await project.GridAndPickAsync("SEQ03", "r1c1");
        await project.MustRunAsync("generate", "SEQ03");
        var take = (string)StateFiles.Sequence(project.Dir, "SEQ03")["takes"]![0]!["files"]![0]!["path"]!;
        File.Delete(Path.Combine(project.Dir, take));
        var before = StateFiles.Bytes(project.Dir);

        var refused = await project.RunAsync("approve", "SEQ03", "--take", "1");

        refused.ShouldFailWith(ExitCodes.BadInput);
        refused.ErrorMessages().Should().ContainSingle().Which.Should().Contain($"SEQ03 take 1: {take} is missing").And.Contain("reconcile");
        StateFiles.Bytes(project.Dir).Sequences.Should().Equal(before.Sequences);
        StateFiles.Bytes(project.Dir).Executions.Should().Equal(before.Executions);
        (await project.MustRunAsync("reconcile")).Out.Should().Contain($"take 1: {take} is missing");
    }

    [Fact]
    public async Task Grid_FirstImageIsOnePicture_RetriesOnceAndRecordsTwoCalls()
    {
        await using var project = await EmulatedProject.StartAsync(Options("gemini:not-grid@1"));

        await project.MustRunAsync("grid", "SEQ02");

        var grid = StateFiles.Sequence(project.Dir, "SEQ02")["grids"]!.AsArray().Should().ContainSingle().Subject!;
        ((string)grid["kind"]!).Should().Be("model");
        ((int)grid["calls"]!).Should().Be(2);
        grid["execution_ids"]!.AsArray().Should().HaveCount(2);
        project.Emulator.GetStats().ImagesGenerated.Should().Be(2);
        StateFiles.State(project.Dir, "SEQ02").Should().Be("grid_review");
    }

    [Fact]
    public async Task Grid_NeverAGrid_CompositesFourSinglesAfterTheRetriesAndCanBePicked()
    {
        await using var project = await EmulatedProject.StartAsync(Options("gemini:not-grid"));
        project.SetSettings(("grid_retries", 1));

        await project.MustRunAsync("grid", "SEQ02");

        var grid = StateFiles.Sequence(project.Dir, "SEQ02")["grids"]!.AsArray().Should().ContainSingle().Subject!;
        ((string)grid["kind"]!).Should().Be("composite");
        ((int)grid["calls"]!).Should().Be(1 + 1 + 4, "the first call, one retry, then four singles");
        project.Emulator.GetStats().ImagesGenerated.Should().Be(6);
        File.Exists(Path.Combine(project.Dir, (string)grid["file"]!)).Should().BeTrue();

        await project.MustRunAsync("pick", "SEQ02", "r1c1");
        StateFiles.State(project.Dir, "SEQ02").Should().Be("start_frame_approved");
        project.Emulator.GetStats().ImagesGenerated.Should().Be(6);
    }

    private static StarSend.Emulator.EmulatorOptions Options(string faults) =>
        new() { Faults = faults, QueueWait = TimeSpan.FromMilliseconds(50), RunTime = TimeSpan.FromMilliseconds(300) };
}
