using StarSend.Core.Errors;
using StarSend.Core.Executions;
using StarSend.Core.Sequences;
using StarSend.Core.Steps;
using StarSend.Core.Tests.Steps;
using StarSend.Core.Workflow;

namespace StarSend.Core.Tests.Workflow;

/// <summary>Takes generated against the emulator: what a take records, per-shot start frames, adopting and resuming paid jobs.</summary>
public sealed class GenerateTests
{
    [Fact]
    public async Task GenerateAsync_Seq09MultiShot_RecordsTheTakeWithPromptsDurationsAndTheDroppedElement()
    {
        await using var h = await StepHarness.StartAsync();
        var runner = h.Runner();
        var picked = await h.PickedAsync(runner, "SEQ09", new GridCell(0, 1));
        var sequence = h.Plan.FindSequence("SEQ09")!;

        var outcome = await h.GenerateAsync(runner, "SEQ09");

        outcome.Succeeded.Should().BeTrue(outcome.Message);
        var record = h.Sequence("SEQ09");
        record.State.Should().Be(SequenceState.Review);
        record.Pending.Should().BeNull();
        var take = record.Takes.Should().ContainSingle().Subject;
        take.Number.Should().Be(1);
        take.Mode.Should().Be(TakeMode.MultiShot);
        take.ShotPrompts.Should().Equal(sequence.Shots.Select(s => s.Prompt));
        take.Durations.Should().Equal("5", "5", "5");
        take.ElementsUsed.Should().Equal("singer", "lantern", "bicycle");
        take.ElementsDropped.Should().Equal("dog");
        take.StartFrame.Should().Be(picked.StartFrame!.File);
        take.ExecutionIds.Should().Equal("SEQ09#1");
        take.RequestIds.Should().Equal(h.Execution("SEQ09#1").RequestId);
        take.Model.Should().Be(h.Settings.VideoModel);
        take.CostUsd.Should().Be(15 * h.VideoPrice).And.BePositive();
        outcome.CostUsd.Should().Be(take.CostUsd);
        var file = take.Files.Should().ContainSingle().Subject;
        file.DurationS.Should().BeApproximately(15, 0.1);
        new FileInfo(h.Paths.Full(file.Path)).Length.Should().Be(file.Bytes);
        h.Execution("SEQ09#1").Request.Should().NotContain("dog.png");
        h.Stats.SubmitsAccepted.Should().Be(1);
        h.Requests("upload_initiate").Should().Be(4, "the start frame and three elements");
    }

    [Fact]
    public async Task GenerateAsync_SequenceAlreadyHasATake_PaysForAnotherOnlyWithAgain()
    {
        await using var h = await StepHarness.StartAsync();
        await h.PickedAsync(h.Runner(), "SEQ10", new GridCell(1, 1));
        (await h.GenerateAsync(h.Runner(), "SEQ10")).Succeeded.Should().BeTrue();

        var rerun = await h.GenerateAsync(h.Runner(), "SEQ10");

        rerun.Succeeded.Should().BeTrue();
        rerun.Message.Should().Contain("already has take 1");
        h.Stats.LeonardoGenerationsAccepted.Should().Be(3, "SEQ10 is three calls on Leonardo's Veo 3.1, made once");
        var again = await h.Clock.RunAsync(h.Runner().GenerateAsync("SEQ10", new GenerateRequest { Yes = true, Again = true }, null, CancellationToken.None));
        again.Succeeded.Should().BeTrue(again.Message);
        h.Sequence("SEQ10").Takes.Select(t => t.Number).Should().Equal(1, 2);
        h.Sequence("SEQ10").Takes[1].ExecutionIds.Should().Equal("SEQ10_shot01#2", "SEQ10_shot02#2", "SEQ10_shot03#2");
        h.Stats.LeonardoGenerationsAccepted.Should().Be(6);
        h.Stats.SubmitsAccepted.Should().Be(0, "nothing of SEQ10 went to fal");
    }

    [Fact]
    public async Task GenerateAsync_DroppingAnElementWithoutYes_RefusesBeforeAnythingIsPaid()
    {
        await using var h = await StepHarness.StartAsync();
        var runner = h.Runner();
        await h.PickedAsync(runner, "SEQ09", new GridCell(0, 0));

        var refused = await runner.Invoking(r => r.GenerateAsync("SEQ09", new GenerateRequest(), null, CancellationToken.None))
            .Should().ThrowAsync<BadInputException>();

        refused.Which.Message.Should().Contain("dropping dog").And.Contain("--yes");
        h.Sequence("SEQ09").State.Should().Be(SequenceState.StartFrameApproved);
        h.Stats.SubmitsAccepted.Should().Be(0);
        h.Requests("upload_initiate").Should().Be(0);
    }

    [Fact]
    public async Task GenerateAsync_ShotWithOwnStartFrame_IsGeneratedFromThePerShotPick()
    {
        await using var h = await StepHarness.StartAsync();
        var runner = h.Runner();
        var picked = await h.PickedAsync(runner, "SEQ04", new GridCell(0, 0));
        var own = await runner.PickAsync("SEQ04", new GridCell(1, 1), null, "shot02", CancellationToken.None);
        own.State.Should().Be(SequenceState.StartFrameApproved);
        own.StartFrame.Should().Be(picked.StartFrame, "a per-shot pick leaves the sequence's start frame alone");

        var outcome = await h.GenerateAsync(runner, "SEQ04");

        outcome.Succeeded.Should().BeTrue(outcome.Message);
        var take = h.Sequence("SEQ04").Takes.Should().ContainSingle().Subject;
        take.Mode.Should().Be(TakeMode.Individual);
        take.ExecutionIds.Should().Equal("SEQ04_shot01#1", "SEQ04_shot02#1");
        take.Durations.Should().Equal("6", "6");
        take.Files.Should().HaveCount(2).And.OnlyContain(f => Math.Abs(f.DurationS - 6) < 0.1);
        take.CostUsd.Should().Be(12 * h.VideoPrice);
        var doc = h.ReadExecutions();
        var sequenceFrame = await UploadUrlAsync(doc, h.Paths.Full(picked.StartFrame!.File));
        var shotFrame = await UploadUrlAsync(doc, h.Paths.Full(own.ShotStartFrames["shot02"].File));
        shotFrame.Should().NotBe(sequenceFrame);
        doc.Executions["SEQ04_shot01#1"].Request.Should().Contain(sequenceFrame).And.NotContain(shotFrame);
        doc.Executions["SEQ04_shot02#1"].Request.Should().Contain(shotFrame).And.NotContain(sequenceFrame);
        h.Stats.SubmitsAccepted.Should().Be(2);
    }

    [Fact]
    public async Task GenerateAsync_Seq08SevenShots_OneCallPerShotAtMostJobConcurrencyAtOnce()
    {
        await using var h = await StepHarness.StartAsync(queueWait: TimeSpan.FromSeconds(30));
        var runner = h.Runner(h.Steps(o => o with { JobConcurrency = 2 }));
        await h.PickedAsync(runner, "SEQ08", new GridCell(0, 0));

        var generate = runner.GenerateAsync("SEQ08", new GenerateRequest(), null, CancellationToken.None);
        await StepHarness.WaitUntilAsync(() => h.Clock.Waits.Count >= 2, "two jobs are polled");
        h.Stats.SubmitsAccepted.Should().Be(2, "no third job starts before one of the first two is done");
        var outcome = await h.Clock.RunAsync(generate);

        outcome.Succeeded.Should().BeTrue(outcome.Message);
        var take = h.Sequence("SEQ08").Takes.Should().ContainSingle().Subject;
        take.Mode.Should().Be(TakeMode.Individual);
        take.ExecutionIds.Should().Equal(Enumerable.Range(1, 7).Select(i => $"SEQ08_shot{i:00}#1"));
        take.Files.Select(f => f.Path).Should().Equal(Enumerable.Range(1, 7).Select(i => $"media/videos/{StepHarness.RunId}_SEQ08_shot{i:00}_take01.mp4"));
        take.CostUsd.Should().Be(21 * h.VideoPrice);
        h.Execution("SEQ08_shot03#1").Should().Match<ExecutionRecord>(e => e.Status == ExecutionStatus.Complete && e.CostUsd == 3 * h.VideoPrice);
        h.Stats.SubmitsAccepted.Should().Be(7);
        h.Requests("upload_initiate").Should().Be(4, "one start frame and three elements, shared by the seven calls");
        h.Requests("download").Should().Be(7);
    }

    [Fact]
    public async Task GenerateAsync_PaidResultNoTakeUses_IsAdoptedWithoutSubmitting()
    {
        await using var h = await StepHarness.StartAsync();
        var steps = h.Steps();
        var picked = await h.PickedAsync(h.Runner(steps), "SEQ02", new GridCell(1, 0));
        var (shots, prompts) = h.ShotsOf("SEQ02");
        var paid = await h.Clock.RunAsync(steps.ExecuteMultiShot(
            "SEQ02", "an-earlier-run", h.Paths.Full(picked.StartFrame!.File), h.Elements("singer", "bicycle"), shots, prompts,
            h.VideoPath("an-earlier-run_SEQ02_take01.mp4"), null, CancellationToken.None));

        var outcome = await h.GenerateAsync(h.Runner(), "SEQ02");

        outcome.Succeeded.Should().BeTrue(outcome.Message);
        outcome.Message.Should().Contain("resumed a paid job");
        var take = h.Sequence("SEQ02").Takes.Should().ContainSingle().Subject;
        take.ExecutionIds.Should().Equal(paid.ExecutionId);
        take.RequestIds.Should().Equal(paid.RequestId);
        take.Files.Should().ContainSingle().Which.Sha256.Should().Be(paid.Sha256);
        take.CostUsd.Should().Be(paid.CostUsd);
        h.Stats.SubmitsAccepted.Should().Be(1);
        h.Requests("download").Should().Be(1);
    }

    [Fact]
    public async Task GenerateAsync_UnclaimedResultFileDamaged_PaysForANewJobInsteadOfAdoptingIt()
    {
        await using var h = await StepHarness.StartAsync();
        var steps = h.Steps();
        var picked = await h.PickedAsync(h.Runner(steps), "SEQ02", new GridCell(1, 0));
        var (shots, prompts) = h.ShotsOf("SEQ02");
        var damaged = h.VideoPath("an-earlier-run_SEQ02_take01.mp4");
        await h.Clock.RunAsync(steps.ExecuteMultiShot(
            "SEQ02", "an-earlier-run", h.Paths.Full(picked.StartFrame!.File), h.Elements("singer", "bicycle"), shots, prompts, damaged, null, CancellationToken.None));
        var bytes = File.ReadAllBytes(damaged);
        File.WriteAllBytes(damaged, bytes[..(bytes.Length / 2)]);

        var outcome = await h.GenerateAsync(h.Runner(), "SEQ02");

        outcome.Succeeded.Should().BeTrue(outcome.Message);
        h.Sequence("SEQ02").Takes.Should().ContainSingle().Which.ExecutionIds.Should().Equal("SEQ02#2");
        h.Stats.SubmitsAccepted.Should().Be(2);
    }

    [Fact]
    public async Task GenerateAsync_StatusFailsPastItsRetries_StaysGeneratingAndTheNextRunResumesTheJob()
    {
        await using var h = await StepHarness.StartAsync();
        await h.PickedAsync(h.Runner(), "SEQ03", new GridCell(0, 1));
        h.Emulator.SetFaults("status:503");

        var failed = await h.GenerateAsync(h.Runner(), "SEQ03");

        failed.ExitCode.Should().Be(ExitCodes.ProviderFailed);
        failed.Message.Should().Contain("503");
        var stuck = h.Sequence("SEQ03");
        stuck.State.Should().Be(SequenceState.Generating);
        stuck.Pending.Should().NotBeNull();
        stuck.LastError.Should().Be(failed.Message);
        h.Execution("SEQ03#1").Status.Should().Be(ExecutionStatus.Submitted);
        h.Requests("status").Should().Be(6, "the first poll and five retries");
        h.Emulator.SetFaults(null);

        var resumed = await h.GenerateAsync(h.Runner(), "SEQ03");

        resumed.Succeeded.Should().BeTrue(resumed.Message);
        resumed.Message.Should().Contain("resumed a paid job");
        var record = h.Sequence("SEQ03");
        record.State.Should().Be(SequenceState.Review);
        record.Takes.Should().ContainSingle().Which.Should().Match<Take>(t => t.Number == stuck.Pending!.Number && t.ExecutionIds.Single() == "SEQ03#1");
        h.Stats.SubmitsAccepted.Should().Be(1);
        h.Requests("submit").Should().Be(1);
    }

    private static async Task<string> UploadUrlAsync(ExecutionsDocument doc, string file) =>
        doc.Uploads[await Fingerprint.OfFileAsync(file, CancellationToken.None)].Url;

    [Fact]
    public async Task GenerateAsync_OneShotRefused_TheOutcomeCountsAndNamesTheShotPaidAndKept_AndTheNextRunUsesIt()
    {
        await using var h = await StepHarness.StartAsync(faults: "submit:content-policy@2");
        var runner = h.Runner();
        await h.PickedAsync(runner, "SEQ04", new GridCell(0, 0));

        var refused = await h.GenerateAsync(runner, "SEQ04");
        var paid = h.ReadExecutions().Executions.Values.Single(e => e.StepId.StartsWith("SEQ04_shot", StringComparison.Ordinal) && e.Status == Core.Executions.ExecutionStatus.Complete);
        var rerun = await h.GenerateAsync(h.Runner(), "SEQ04");

        refused.Succeeded.Should().BeFalse();
        refused.Message.Should().EndWith($"; paid and kept for the next run: {paid.StepId} ~${paid.ChargedUsd:0.00}");
        refused.CostUsd.Should().Be(paid.ChargedUsd, "the money this run spent is in its outcome, not $0.00");
        rerun.Succeeded.Should().BeTrue(rerun.Message);
        h.Sequence("SEQ04").Takes.Single().ExecutionIds.Should().Contain(paid.Id, "the kept shot went into the take");
        h.Stats.SubmitsAccepted.Should().Be(2, "the kept shot was not paid again");
    }
}
