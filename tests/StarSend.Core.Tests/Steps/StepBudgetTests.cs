using StarSend.Core.Errors;
using StarSend.Core.Executions;
using StarSend.Core.Steps;

namespace StarSend.Core.Tests.Steps;

/// <summary>A budget is checked before anything is sent, under the project lock, counting calls in flight at their estimate.</summary>
public sealed class StepBudgetTests
{
    [Fact]
    public async Task ExecuteMultiShot_BudgetBelowTheEstimate_RefusesBeforeAnythingIsSent()
    {
        await using var h = await StepHarness.StartAsync();
        var steps = h.Steps(o => o with { BudgetUsd = 1.00m });
        var (shots, prompts) = h.ShotsOf("SEQ02");

        var refused = await h.Invoking(_ => h.Clock.RunAsync(steps.ExecuteMultiShot(
            "SEQ02", StepHarness.RunId, h.WriteStartFrame("seq02.png", 2), h.Elements("singer", "bicycle"), shots, prompts,
            h.VideoPath("SEQ02.mp4"), null, CancellationToken.None))).Should().ThrowAsync<BudgetExceededException>();

        refused.Which.Message.Should().Contain("SEQ02").And.Contain("$1.68").And.Contain("$1.00").And.Contain("nothing was sent");
        h.ReadExecutions().Executions.Should().BeEmpty("no intent is written for a refused call");
        h.Stats.SubmitsAccepted.Should().Be(0);
        h.Stats.Requests.Values.Sum().Should().Be(0, "not even the uploads go out");
    }

    [Fact]
    public async Task ExecuteMultiShot_ConcurrentSequencesOfTwoRuns_NeverCommitMoreThanTheBudget()
    {
        await using var h = await StepHarness.StartAsync(queueWait: TimeSpan.FromSeconds(60), runTime: TimeSpan.FromSeconds(30));
        string[] sequences = ["SEQ01", "SEQ03", "SEQ04", "SEQ07"];
        var estimate = 12 * h.VideoPrice;
        var budget = 3.00m;
        var runs = new[] { h.Steps(o => o with { BudgetUsd = budget }), h.Steps(o => o with { BudgetUsd = budget }) };
        var tasks = sequences.Select((id, i) =>
        {
            var (shots, prompts) = h.ShotsOf(id);
            return runs[i % 2].ExecuteMultiShot(
                id, StepHarness.RunId, h.WriteStartFrame($"{id}.png", i), h.Elements("singer"), shots, prompts, h.VideoPath($"{id}.mp4"), null, CancellationToken.None);
        }).ToList();

        // No job can finish before the clock moves, so the refusals count the accepted jobs while they are in flight.
        await StepHarness.WaitUntilAsync(() => tasks.Count(t => t.IsFaulted) == 2, "two sequences are refused");
        await StepHarness.WaitUntilAsync(() => h.Stats.SubmitsAccepted == 2, "two sequences are submitted");
        tasks.Should().OnlyContain(t => !t.IsCompletedSuccessfully);
        StepRunner.Committed(h.ReadExecutions()).Should().Be(2 * estimate).And.BeLessThanOrEqualTo(budget);
        var accepted = tasks.Where(t => !t.IsFaulted).ToList();
        await h.Clock.RunAsync(Task.WhenAll(accepted));

        tasks.Where(t => t.IsFaulted).Should().OnlyContain(t => t.Exception!.InnerException is BudgetExceededException);
        var doc = h.ReadExecutions();
        doc.Executions.Values.Should().HaveCount(2).And.OnlyContain(e => e.Status == ExecutionStatus.Complete);
        StepRunner.Committed(doc).Should().Be(2 * estimate).And.BeLessThanOrEqualTo(budget);
        h.Stats.SubmitsAccepted.Should().Be(2);
        h.Requests("submit").Should().Be(2);
    }
}
