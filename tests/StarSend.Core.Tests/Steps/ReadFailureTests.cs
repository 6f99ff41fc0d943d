using StarSend.Core.Errors;
using StarSend.Core.Executions;
using StarSend.Core.Steps;

namespace StarSend.Core.Tests.Steps;

/// <summary>Issue #8 item 2: a failure to read a finished job is not a failed job; only fal's own result answer ends it.</summary>
public sealed class ReadFailureTests
{
    [Fact]
    public async Task ExecuteVideo_ResultRefusedWith403Locked_KeepsThePaidJobAndTheNextRunCollectsItAtNoExtraCost()
    {
        await using var h = await StepHarness.StartAsync(faults: "result:locked");
        var shot = h.Plan.FindSequence("SEQ05")!.Shots[0];
        var start = h.WriteStartFrame("seq05.png", 5);
        Task<StepResult> Run() => h.Clock.RunAsync(h.Steps().ExecuteVideo(
            "SEQ05_shot01", StepHarness.RunId, start, shot.Prompt, h.Elements("singer"), shot.Duration, h.VideoPath("SEQ05_shot01.mp4"), null, CancellationToken.None));

        var refused = await h.Invoking(_ => Run()).Should().ThrowAsync<AccountBlockedException>();

        refused.Which.PaidJobKept.Should().BeTrue();
        refused.Which.ExitCode.Should().Be(ExitCodes.AccountBlocked);
        refused.Which.Message.Should().Contain("could not be read").And.Contain("Top up").And.NotContain("FAL_KEY");
        var kept = h.Execution("SEQ05_shot01#1");
        kept.Status.Should().Be(ExecutionStatus.Submitted, "the job completed at fal; only reading it failed");
        kept.CostUsd.Should().Be(shot.Duration * h.VideoPrice);
        kept.Error.Should().Contain("User is locked");

        h.Emulator.SetFaults(null);
        var collected = await Run();

        collected.ExecutionId.Should().Be("SEQ05_shot01#1");
        collected.Resumed.Should().BeTrue();
        h.Stats.SubmitsAccepted.Should().Be(1, "the next run does not pay for a new job");
        h.Execution("SEQ05_shot01#1").Status.Should().Be(ExecutionStatus.Complete);
    }

    [Fact]
    public async Task ExecuteVideo_StatusFalDoesNotDocument_IsToleratedAndTheJobCompletesLater()
    {
        await using var h = await StepHarness.StartAsync(faults: "status:undocumented-status@1-3");
        var shot = h.Plan.FindSequence("SEQ05")!.Shots[1];

        var result = await h.Clock.RunAsync(h.Steps().ExecuteVideo(
            "SEQ05_shot02", StepHarness.RunId, h.WriteStartFrame("seq05.png", 5), shot.Prompt, h.Elements("lantern"), shot.Duration,
            h.VideoPath("SEQ05_shot02.mp4"), null, CancellationToken.None));

        result.ExecutionId.Should().Be("SEQ05_shot02#1");
        h.Execution("SEQ05_shot02#1").Status.Should().Be(ExecutionStatus.Complete);
        h.Requests("status").Should().BeGreaterThan(3, "it kept polling past the three FAILED answers");
        h.Stats.SubmitsAccepted.Should().Be(1);
    }

    [Fact]
    public async Task ExecuteVideo_ResultConnectionAlwaysCut_KeepsThePaidJobForTheNextRun()
    {
        await using var h = await StepHarness.StartAsync(faults: "result:lost-response");
        var shot = h.Plan.FindSequence("SEQ06")!.Shots[0];
        var start = h.WriteStartFrame("seq06.png", 6);
        Task<StepResult> Run() => h.Clock.RunAsync(h.Steps().ExecuteVideo(
            "SEQ06_shot01", StepHarness.RunId, start, shot.Prompt, h.Elements("dog"), shot.Duration, h.VideoPath("SEQ06_shot01.mp4"), null, CancellationToken.None));

        var cut = await h.Invoking(_ => Run()).Should().ThrowAsync<ProviderException>();

        cut.Which.PaidJobKept.Should().BeTrue();
        h.Execution("SEQ06_shot01#1").Status.Should().Be(ExecutionStatus.Submitted);
        h.Requests("result").Should().BeGreaterThan(1, "a result read is retried");
        h.Emulator.SetFaults(null);
        (await Run()).Resumed.Should().BeTrue();
        h.Stats.SubmitsAccepted.Should().Be(1);
    }

    [Fact]
    public async Task ExecuteMultiShot_ResultAnswers422AfterCompleted_IsRecordedMayBeChargedWithItsItems()
    {
        await using var h = await StepHarness.StartAsync(faults: "result:detail-list");
        var (shots, prompts) = h.ShotsOf("SEQ01");

        var refused = await h.Invoking(_ => h.Clock.RunAsync(h.Steps().ExecuteMultiShot(
            "SEQ01", StepHarness.RunId, h.WriteStartFrame("seq01.png", 1), h.Elements("lighthouse"), shots, prompts, h.VideoPath("SEQ01.mp4"), null, CancellationToken.None)))
            .Should().ThrowAsync<ProviderException>();

        refused.Which.Kind.Should().Be(ProviderErrorKind.Validation);
        refused.Which.FieldErrors.Select(e => e.Where).Should().Equal("body.start_image_url", "body.multi_prompt.1.duration", "body.root");
        var record = h.Execution("SEQ01#1");
        record.Status.Should().Be(ExecutionStatus.MayBeCharged);
        record.Phase.Should().Be("video_may_be_charged");
        record.CostUsd.Should().Be(shots.Sum(s => s.DurationS) * h.VideoPrice, "fal may charge a 422 that comes after the job ran");
        record.Error.Should().Contain("literal_error").And.Contain("body.multi_prompt.1.duration");
        h.Requests("download").Should().Be(0);
    }
}
