using StarSend.Core.Steps;
using StarSend.Core.Tests.Steps;
using StarSend.Core.Workflow;

namespace StarSend.Core.Tests.Workflow;

/// <summary>What a take's steps report while they run: real phases in order, and done only once the take is recorded.</summary>
public sealed class GenerateProgressTests
{
    [Fact]
    public async Task GenerateAsync_MultiShot_ReportsPhasesInOrderAndDoneWithTheTakeOnceItIsInSequencesJson()
    {
        await using var h = await StepHarness.StartAsync();
        var runner = h.Runner();
        await h.PickedAsync(runner, "SEQ01", new GridCell(0, 0));
        var seen = new List<(StepProgress Event, int TakesOnDisk)>();
        var progress = new Recorder(e => seen.Add((e, h.Sequence("SEQ01").Takes.Count)));

        var outcome = await h.Clock.RunAsync(runner.GenerateAsync("SEQ01", new GenerateRequest { Yes = true }, progress, CancellationToken.None));

        outcome.Succeeded.Should().BeTrue(outcome.Message);
        seen.Should().OnlyContain(s => s.Event.SequenceId == "SEQ01" && s.Event.StepId == "SEQ01");
        var kinds = seen.Select(s => s.Event.Kind).Distinct().ToList();
        kinds.Should().ContainInConsecutiveOrder(StepPhase.Downloading, StepPhase.Verifying, StepPhase.Done);
        kinds.IndexOf(StepPhase.Running).Should().BeLessThan(kinds.IndexOf(StepPhase.Downloading));
        var last = seen[^1];
        last.Event.Kind.Should().Be(StepPhase.Done);
        last.Event.Phase.Should().Be("take 1");
        last.Event.CostUsd.Should().Be(h.Sequence("SEQ01").Takes[0].CostUsd).And.BePositive();
        last.TakesOnDisk.Should().Be(1, "the row turns done when the take is recorded, not before");
        seen.Where(s => s.Event.Kind != StepPhase.Done).Should().OnlyContain(s => s.TakesOnDisk == 0);
    }

    [Fact]
    public async Task EstimateGenerateAsync_PickedMultiAndIndividualAndUnpicked_CountsJobsAndCostWithoutWriting()
    {
        await using var h = await StepHarness.StartAsync();
        var runner = h.Runner();
        await h.PickedAsync(runner, "SEQ01", new GridCell(0, 0));
        await h.PickedAsync(runner, "SEQ10", new GridCell(1, 1));
        var before = File.ReadAllText(h.Paths.SequencesFile);

        var estimate = await runner.EstimateGenerateAsync(["SEQ01", "SEQ10", "SEQ02"], new GenerateRequest { Yes = true }, CancellationToken.None);

        estimate.Sequences.Select(s => (s.SequenceId, s.Jobs)).Should().Equal(("SEQ01", 1), ("SEQ10", 3), ("SEQ02", 0));
        var seq01 = h.Plan.FindSequence("SEQ01")!;
        estimate.Sequences[0].CostUsd.Should().Be(seq01.TotalDurationS * h.VideoPrice);
        estimate.Sequences[1].CostUsd.Should().Be(18 * 0.40m, "SEQ10 is priced on its own model, Leonardo's Veo 3.1 (stand-in $0.40/s)");
        estimate.Jobs.Should().Be(4);
        File.ReadAllText(h.Paths.SequencesFile).Should().Be(before);
        h.Stats.SubmitsAccepted.Should().Be(0);
    }

    private sealed class Recorder(Action<StepProgress> onReport) : IProgress<StepProgress>
    {
        private readonly object _gate = new();

        public void Report(StepProgress value)
        {
            lock (_gate)
            {
                onReport(value);
            }
        }
    }
}
