using StarSend.Core.Errors;
using StarSend.Core.Executions;
using StarSend.Core.Sequences;
using StarSend.Core.Tests.Steps;
using StarSend.Core.Workflow;

namespace StarSend.Core.Tests.Workflow;

/// <summary>Field faults as a producer meets them through generate: rate limits, locked accounts, 422 lists, lost and unread results.</summary>
public sealed class FieldFaultWorkflowTests
{
    [Fact]
    public async Task GenerateAsync_FirstSubmit429_WaitsRetryAfterAndEndsWithTheTake()
    {
        await using var h = await StepHarness.StartAsync(faults: "submit:429=7@1");
        await h.PickedAsync(h.Runner(), "SEQ02", new GridCell(0, 0));

        var outcome = await h.GenerateAsync(h.Runner(), "SEQ02");

        outcome.Succeeded.Should().BeTrue(outcome.Message);
        h.Sequence("SEQ02").Takes.Should().ContainSingle();
        h.Stats.SubmitsAccepted.Should().Be(1);
        h.Requests("submit").Should().Be(2);
        h.Clock.Waits.Should().Contain(w => w >= TimeSpan.FromSeconds(7) && w <= TimeSpan.FromSeconds(8.4), "it waits as long as Retry-After says, jittered");
        h.ReadExecutions().Executions.Values.Where(e => e.Kind == ExecutionKind.Video).Should().ContainSingle("a refused submit is the same intent sent again");
    }

    [Fact]
    public async Task GenerateAsync_429AskingForTooLong_FailsAtOnceAndLeavesNothingGenerating()
    {
        await using var h = await StepHarness.StartAsync(faults: "submit:429=600@1");
        await h.PickedAsync(h.Runner(), "SEQ02", new GridCell(0, 0));

        var outcome = await h.GenerateAsync(h.Runner(), "SEQ02");

        outcome.ExitCode.Should().Be(ExitCodes.ProviderFailed);
        outcome.Message.Should().Contain("600 s").And.Contain("nothing was paid");
        h.Sequence("SEQ02").State.Should().Be(SequenceState.StartFrameApproved, "nothing is in flight");
        h.Execution("SEQ02#1").Should().Match<ExecutionRecord>(e => e.Status == ExecutionStatus.Failed && e.CostUsd == 0);
        h.Requests("submit").Should().Be(1);
        h.Stats.SubmitsAccepted.Should().Be(0);
    }

    [Fact]
    public async Task GenerateAsync_Submit422DetailList_ShowsEachItemAtItsPlanPath()
    {
        await using var h = await StepHarness.StartAsync(faults: "submit:detail-list");
        await h.PickedAsync(h.Runner(), "SEQ03", new GridCell(1, 0));
        var index = h.Plan.Sequences.ToList().FindIndex(s => s.Id == "SEQ03");

        var outcome = await h.GenerateAsync(h.Runner(), "SEQ03");

        outcome.ExitCode.Should().Be(ExitCodes.ProviderFailed);
        outcome.Message.Should().Contain($"$.sequences[{index}] (start frame): Field required (missing; fal: body.start_image_url)")
            .And.Contain($"$.sequences[{index}].shots[1].duration: Input should be")
            .And.Contain($"$.sequences[{index}]: Value error, Either prompt or multi_prompt");
        outcome.Message.Should().NotContain("\n");
        h.Sequence("SEQ03").State.Should().Be(SequenceState.StartFrameApproved);
        h.Execution("SEQ03#1").Should().Match<ExecutionRecord>(e => e.Status == ExecutionStatus.Failed && e.CostUsd == 0);
    }

    [Theory]
    [InlineData("submit:locked@1", "submit", 1)]
    [InlineData("upload:locked@1", "upload_initiate", 1)]
    public async Task Batch_AccountLocked_StopsAtTheFirstRefusalWithItsOwnExitCode(string fault, string endpoint, int calls)
    {
        await using var h = await StepHarness.StartAsync();
        string[] ids = ["SEQ01", "SEQ02", "SEQ03"];
        foreach (var id in ids)
        {
            await h.PickedAsync(h.Runner(), id, new GridCell(0, 1));
        }

        h.Emulator.SetFaults(fault);
        var runner = h.Runner();
        var outcomes = await h.Clock.RunAsync(BatchRunner.RunAsync(
            ids, 1, (id, t) => runner.GenerateAsync(id, new GenerateRequest { Yes = true }, null, t), CancellationToken.None));

        BatchRunner.ExitCodeOf(outcomes).Should().Be(ExitCodes.AccountBlocked);
        outcomes.Should().OnlyContain(o => o.ExitCode == ExitCodes.AccountBlocked);
        outcomes[0].Message.Should().Contain("locked").And.Contain("Top up").And.NotContain("FAL_KEY");
        outcomes.Skip(1).Should().OnlyContain(o => o.Message.StartsWith("not started", StringComparison.Ordinal));
        h.Requests(endpoint).Should().Be(calls, "no billable call follows the first refusal");
        h.Stats.SubmitsAccepted.Should().Be(0);
        ids.Select(h.Sequence).Should().OnlyContain(r => r.State == SequenceState.StartFrameApproved);
    }

    [Fact]
    public async Task GenerateAsync_ResultRefusedLocked_StaysGeneratingReconcileSaysSoAndTheNextRunCollects()
    {
        await using var h = await StepHarness.StartAsync();
        await h.PickedAsync(h.Runner(), "SEQ07", new GridCell(1, 1));
        h.Emulator.SetFaults("result:locked");

        var outcome = await h.GenerateAsync(h.Runner(), "SEQ07");

        outcome.ExitCode.Should().Be(ExitCodes.AccountBlocked);
        h.Sequence("SEQ07").State.Should().Be(SequenceState.Generating, "the paid job is in flight");
        var findings = await h.Runner().ReconcileAsync(CancellationToken.None);
        findings.Should().Contain(f => f.SequenceId == "SEQ07" && f.Finding.Contains("not collected yet", StringComparison.Ordinal));
        h.Sequence("SEQ07").State.Should().Be(SequenceState.Generating, "reconcile does not move a sequence whose paid job is in flight");

        h.Emulator.SetFaults(null);
        var collected = await h.GenerateAsync(h.Runner(), "SEQ07");

        collected.Succeeded.Should().BeTrue(collected.Message);
        h.Sequence("SEQ07").Takes.Should().ContainSingle();
        h.Stats.SubmitsAccepted.Should().Be(1, "the job is paid once and collected");
        h.ReadExecutions().Executions.Values.Where(e => e.Kind == ExecutionKind.Video).Should().ContainSingle();
    }

    [Fact]
    public async Task GenerateAsync_PaidResultLost_SaysSoAndPaysAgainOnlyWithAgain()
    {
        await using var h = await StepHarness.StartAsync();
        await h.PickedAsync(h.Runner(), "SEQ01", new GridCell(0, 0));
        h.Emulator.SetFaults("download:expire");

        var lost = await h.GenerateAsync(h.Runner(), "SEQ01");

        lost.ExitCode.Should().Be(ExitCodes.ProviderFailed);
        lost.Message.Should().Contain("paid_result_lost").And.Contain("--again");
        h.Sequence("SEQ01").State.Should().Be(SequenceState.StartFrameApproved);
        var findings = await h.Runner().ReconcileAsync(CancellationToken.None);
        findings.Should().Contain(f => f.SequenceId == "SEQ01" && f.Finding.Contains("result is lost", StringComparison.Ordinal));
        h.Emulator.SetFaults(null);

        var rerun = await h.GenerateAsync(h.Runner(), "SEQ01");
        rerun.Succeeded.Should().BeFalse();
        h.Stats.SubmitsAccepted.Should().Be(1, "not resubmitted silently");

        var again = await h.Clock.RunAsync(h.Runner(h.Steps(o => o with { PayAgainForLost = true }))
            .GenerateAsync("SEQ01", new GenerateRequest { Yes = true, Again = true }, null, CancellationToken.None));

        again.Succeeded.Should().BeTrue(again.Message);
        h.Stats.SubmitsAccepted.Should().Be(2);
    }
}
