using StarSend.Core.Errors;
using StarSend.Core.Executions;
using StarSend.Core.Steps;

namespace StarSend.Core.Tests.Steps;

/// <summary>An interrupted run's paid job is polled again, never paid twice; a job whose id never came back waits for --resubmit.</summary>
public sealed class StepResumeTests
{
    [Theory]
    [InlineData(0, "IN_QUEUE")]
    [InlineData(70, "IN_PROGRESS")]
    public async Task ExecuteMultiShot_RunCancelledWhileTheJobRuns_NextRunResumesTheSameRequest(int secondsBeforeCancel, string phase)
    {
        await using var h = await StepHarness.StartAsync(queueWait: TimeSpan.FromSeconds(60), runTime: TimeSpan.FromSeconds(30));
        var start = h.WriteStartFrame("seq01.png", 1);
        var (shots, prompts) = h.ShotsOf("SEQ01");
        var output = h.VideoPath("SEQ01_take01.mp4");
        using var interrupt = new CancellationTokenSource();
        var first = h.Steps().ExecuteMultiShot("SEQ01", StepHarness.RunId, start, h.Elements("lighthouse", "lantern"), shots, prompts, output, null, interrupt.Token);
        await h.Clock.WaitForWaitAsync(_ => true);
        h.Fake.Advance(TimeSpan.FromSeconds(secondsBeforeCancel));
        await h.Clock.WaitForWaitAsync(_ => true);
        var submitted = h.Execution("SEQ01#1");
        (await h.StatusOfAsync(submitted.StatusUrl!)).Should().Be(phase);

        await interrupt.CancelAsync();
        await first.Invoking(async t => await t).Should().ThrowAsync<OperationCanceledException>();
        h.Execution("SEQ01#1").Status.Should().Be(ExecutionStatus.Submitted, "the interrupted run leaves its paid job in flight");
        var uploads = h.Requests("upload_initiate");

        var result = await h.Clock.RunAsync(h.Steps().ExecuteMultiShot(
            "SEQ01", StepHarness.RunId, start, h.Elements("lighthouse", "lantern"), shots, prompts, output, null, CancellationToken.None));

        result.Resumed.Should().BeTrue();
        result.ExecutionId.Should().Be("SEQ01#1");
        result.RequestId.Should().Be(submitted.RequestId);
        h.ReadExecutions().Executions.Should().ContainSingle().Which.Value.Status.Should().Be(ExecutionStatus.Complete);
        h.Stats.SubmitsAccepted.Should().Be(1);
        h.Requests("submit").Should().Be(1);
        h.Requests("upload_initiate").Should().Be(uploads, "a resumed job needs no uploads");
        h.Requests("result").Should().Be(1);
        File.Exists(output).Should().BeTrue();
    }

    [Fact]
    public async Task ExecuteMultiShot_PromptEditedAfterTheRunWasInterrupted_DoesNotPassTheOldJobOffAsTheNewOne()
    {
        await using var h = await StepHarness.StartAsync(queueWait: TimeSpan.FromSeconds(60));
        var start = h.WriteStartFrame("seq12.png", 12);
        var (shots, prompts) = h.ShotsOf("SEQ12");
        string[] edited = [prompts[0], "the lighthouse beam fades out as gulls wheel past", prompts[2]];
        var output = h.VideoPath("SEQ12.mp4");
        Task<StepResult> Run(StepRunner steps, IReadOnlyList<string> shotPrompts, CancellationToken token) =>
            steps.ExecuteMultiShot("SEQ12", StepHarness.RunId, start, h.Elements("lighthouse"), shots, shotPrompts, output, null, token);
        using var interrupt = new CancellationTokenSource();
        var first = Run(h.Steps(), prompts, interrupt.Token);
        await h.Clock.WaitForWaitAsync(_ => true);
        await interrupt.CancelAsync();
        await first.Invoking(async t => await t).Should().ThrowAsync<OperationCanceledException>();

        var changed = await h.Invoking(_ => h.Clock.RunAsync(Run(h.Steps(), edited, CancellationToken.None))).Should().ThrowAsync<BadInputException>();

        changed.Which.Message.Should().Contain("SEQ12").And.Contain(h.Execution("SEQ12#1").RequestId).And.Contain("--resubmit");
        h.Execution("SEQ12#1").Status.Should().Be(ExecutionStatus.Submitted, "the paid job is still there to collect");
        h.Requests("result").Should().Be(0);
        h.Stats.SubmitsAccepted.Should().Be(1);

        var fresh = await h.Clock.RunAsync(Run(h.Steps(o => o with { AllowResubmit = true }), edited, CancellationToken.None));

        fresh.ExecutionId.Should().Be("SEQ12#2");
        fresh.Resumed.Should().BeFalse();
        h.Execution("SEQ12#2").Request.Should().Contain(edited[1]);
        h.Execution("SEQ12#1").Should().Match<ExecutionRecord>(e => e.Status == ExecutionStatus.Failed && e.CostUsd == 15 * h.VideoPrice);
        h.Stats.SubmitsAccepted.Should().Be(2);
    }

    [Fact]
    public async Task ExecuteMultiShot_SubmitAnswerLostAndTheHistoryCannotTell_NeedsAllowResubmitToSubmitAgain()
    {
        // Payload storage off: the request history lists the job without its input, so it cannot prove which one it is.
        await using var h = await StepHarness.StartAsync(faults: "submit:lost-response@1;requests:no-payload");
        var start = h.WriteStartFrame("seq03.png", 3);
        var (shots, prompts) = h.ShotsOf("SEQ03");
        var output = h.VideoPath("SEQ03_take01.mp4");
        Task<StepResult> Run(StepRunner steps) =>
            h.Clock.RunAsync(steps.ExecuteMultiShot("SEQ03", StepHarness.RunId, start, h.Elements("singer", "dog"), shots, prompts, output, null, CancellationToken.None));

        var lost = await h.Invoking(_ => Run(h.Steps())).Should().ThrowAsync<ProviderException>();
        lost.Which.Kind.Should().Be(ProviderErrorKind.SubmissionUnknown);
        lost.Which.Message.Should().Contain("--resubmit").And.Contain("SEQ03");
        var unknown = h.Execution("SEQ03#1");
        unknown.Status.Should().Be(ExecutionStatus.SubmissionUnknown);
        unknown.RequestId.Should().BeNull();
        unknown.CostUsd.Should().Be(12 * h.VideoPrice, "it may have been billed");
        h.Stats.SubmitsAccepted.Should().Be(1, "the emulator accepted the job whose answer was lost");
        var uploads = h.Requests("upload_initiate");

        var again = await h.Invoking(_ => Run(h.Steps())).Should().ThrowAsync<ProviderException>();
        again.Which.Kind.Should().Be(ProviderErrorKind.SubmissionUnknown);
        h.Requests("submit").Should().Be(1, "without --resubmit nothing is sent again");
        h.Requests("upload_initiate").Should().Be(uploads);
        h.ReadExecutions().Executions.Should().ContainSingle();

        var result = await Run(h.Steps(o => o with { AllowResubmit = true }));

        result.ExecutionId.Should().Be("SEQ03#2");
        result.Resumed.Should().BeFalse();
        h.Stats.SubmitsAccepted.Should().Be(2);
        h.Requests("submit").Should().Be(2);
        h.Execution("SEQ03#1").Should().Match<ExecutionRecord>(e => e.Status == ExecutionStatus.Failed && e.Error!.Contains("resubmit"));
        h.Execution("SEQ03#2").Status.Should().Be(ExecutionStatus.Complete);
        File.Exists(output).Should().BeTrue();
    }

    [Theory]
    [InlineData("status:expire", 0)]
    [InlineData("result:expire", 1)]
    public async Task ExecuteVideo_ProviderNoLongerKeepsTheRequest_IsRecordedPaidResultLost(string fault, int results)
    {
        await using var h = await StepHarness.StartAsync(faults: fault);
        var shot = h.Plan.FindSequence("SEQ05")!.Shots[0];

        var failed = await h.Invoking(_ => h.Clock.RunAsync(h.Steps().ExecuteVideo(
            "SEQ05_shot01", StepHarness.RunId, h.WriteStartFrame("seq05.png", 5), shot.Prompt, h.Elements("singer"), shot.Duration,
            h.VideoPath("SEQ05_shot01_take01.mp4"), null, CancellationToken.None))).Should().ThrowAsync<ProviderException>();

        failed.Which.Kind.Should().Be(ProviderErrorKind.Expired);
        var record = h.Execution("SEQ05_shot01#1");
        record.Status.Should().Be(ExecutionStatus.PaidResultLost);
        record.Phase.Should().Be("video_paid_result_lost");
        record.Error.Should().Contain("retention");
        record.FinishedAt.Should().NotBeNull();
        h.Stats.SubmitsAccepted.Should().Be(1);
        h.Requests("status").Should().BePositive();
        h.Requests("result").Should().Be(results);
        h.Requests("download").Should().Be(0);
    }

    [Fact]
    public async Task ExecuteVideo_ResumedHoursAfterTheJobEnded_IsRecordedPaidResultLostWithoutResubmitting()
    {
        await using var h = await StepHarness.StartAsync(queueWait: TimeSpan.FromSeconds(60), runTime: TimeSpan.FromSeconds(30));
        var shot = h.Plan.FindSequence("SEQ05")!.Shots[1];
        var start = h.WriteStartFrame("seq05.png", 5);
        using var interrupt = new CancellationTokenSource();
        Task<StepResult> Run(CancellationToken token) => h.Steps().ExecuteVideo(
            "SEQ05_shot02", StepHarness.RunId, start, shot.Prompt, h.Elements("lantern"), shot.Duration, h.VideoPath("SEQ05_shot02.mp4"), null, token);
        var first = Run(interrupt.Token);
        await h.Clock.WaitForWaitAsync(_ => true);
        await interrupt.CancelAsync();
        await first.Invoking(async t => await t).Should().ThrowAsync<OperationCanceledException>();
        h.Fake.Advance(TimeSpan.FromHours(2));

        var failed = await h.Invoking(_ => h.Clock.RunAsync(Run(CancellationToken.None))).Should().ThrowAsync<ProviderException>();

        failed.Which.Kind.Should().Be(ProviderErrorKind.Expired);
        h.Execution("SEQ05_shot02#1").Status.Should().Be(ExecutionStatus.PaidResultLost);
        h.Stats.SubmitsAccepted.Should().Be(1);
        h.Requests("result").Should().Be(0);
    }
}
