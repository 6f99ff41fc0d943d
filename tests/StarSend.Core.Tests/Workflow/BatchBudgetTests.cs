using StarSend.Core.Errors;
using StarSend.Core.Sequences;
using StarSend.Core.Steps;
using StarSend.Core.Tests.Steps;
using StarSend.Core.Workflow;

namespace StarSend.Core.Tests.Workflow;

/// <summary>A batch generate runs sequences concurrently; together they stay within the project budget.</summary>
public sealed class BatchBudgetTests
{
    [Fact]
    public async Task GenerateBatch_BudgetFitsTwoOfThreeTakes_TwoAreGeneratedAndTheThirdRefusedWithNothingSent()
    {
        await using var h = await StepHarness.StartAsync(queueWait: TimeSpan.FromSeconds(30));
        string[] ids = ["SEQ01", "SEQ03", "SEQ07"];
        foreach (var id in ids)
        {
            await h.PickedAsync(h.Runner(), id, new GridCell(0, 0));
        }

        var grids = StepRunner.Committed(h.ReadExecutions());
        var take = 12 * h.VideoPrice;
        var budget = grids + (2.5m * take);
        var runner = h.Runner(h.Steps(o => o with { BudgetUsd = budget }));
        var submits = h.Stats.SubmitsAccepted;

        var outcomes = await h.Clock.RunAsync(BatchRunner.RunAsync(
            ids, concurrency: 3, (id, token) => runner.GenerateAsync(id, new GenerateRequest(), null, token), CancellationToken.None));

        outcomes.Count(o => o.Succeeded).Should().Be(2);
        var refused = outcomes.Should().ContainSingle(o => !o.Succeeded).Subject;
        refused.ExitCode.Should().Be(ExitCodes.BudgetExceeded);
        refused.State.Should().Be(SequenceState.StartFrameApproved);
        BatchRunner.ExitCodeOf(outcomes).Should().Be(ExitCodes.BudgetExceeded);
        h.Sequence(refused.SequenceId).LastError.Should().Contain("budget");
        StepRunner.Committed(h.ReadExecutions()).Should().Be(grids + (2 * take)).And.BeLessThanOrEqualTo(budget);
        (h.Stats.SubmitsAccepted - submits).Should().Be(2);
    }

    [Fact]
    public async Task Generate_PerShotTakeTheBudgetCannotFinish_SendsNoShotAtAll()
    {
        await using var h = await StepHarness.StartAsync();
        await h.PickedAsync(h.Runner(), "SEQ04", new GridCell(0, 0));
        var committed = StepRunner.Committed(h.ReadExecutions());
        var shot = 6 * h.VideoPrice;
        var runner = h.Runner(h.Steps(o => o with { BudgetUsd = committed + (1.5m * shot) }));

        var outcome = await h.GenerateAsync(runner, "SEQ04");

        outcome.ExitCode.Should().Be(ExitCodes.BudgetExceeded, outcome.Message);
        outcome.Message.Should().StartWith($"SEQ04: this take (2 calls, ~${2 * shot:0.00})").And.EndWith("nothing was sent");
        h.Stats.SubmitsAccepted.Should().Be(0, "one shot would have fit, but half a take is money for nothing");
        StepRunner.Committed(h.ReadExecutions()).Should().Be(committed);
        h.Sequence("SEQ04").State.Should().Be(SequenceState.StartFrameApproved);
    }
}
