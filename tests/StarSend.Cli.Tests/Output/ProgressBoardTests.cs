using Microsoft.Extensions.Time.Testing;
using StarSend.Cli.Output;
using StarSend.Core.Errors;
using StarSend.Core.Sequences;
using StarSend.Core.Steps;
using StarSend.Core.Workflow;
using StarSend.Testing;

namespace StarSend.Cli.Tests.Output;

public sealed class ProgressBoardTests
{
    private readonly FakeTimeProvider _time = DrivenClock.NewFake();

    [Fact]
    public void Apply_TakeRecordedAfterDownload_RowTurnsDoneWithTakeAndCost()
    {
        var sut = CreateSut(("SEQ05", 1, 1.68m));

        sut.Apply(Event("SEQ05", StepPhase.Queued, "in queue", position: 3));
        sut.Apply(Event("SEQ05", StepPhase.Running, "running"));
        sut.Apply(Event("SEQ05", StepPhase.Downloading, "downloading"));
        sut.Apply(Event("SEQ05", StepPhase.Verifying, "verifying"));
        var done = sut.Apply(Event("SEQ05", StepPhase.Done, "take 2", cost: 1.68m));

        done.Should().NotBeNull();
        ProgressText.Phase(done!, sut).Should().Be("done (take 2, $1.68)");
        sut.Rows().Visible.Should().ContainSingle().Which.Kind.Should().Be(StepPhase.Done);
    }

    [Fact]
    public void Apply_QueuedWithPosition_ShowsThePosition()
    {
        var sut = CreateSut(("SEQ05", 1, 1m));

        var row = sut.Apply(Event("SEQ05", StepPhase.Queued, "in queue", position: 4));

        ProgressText.Phase(row!, sut).Should().Be("queued (position 4)");
    }

    [Fact]
    public void Apply_LateRunningAfterDone_IsIgnored()
    {
        var sut = CreateSut(("SEQ05", 1, 1m));
        sut.Apply(Event("SEQ05", StepPhase.Done, "take 1", cost: 1m));

        var late = sut.Apply(Event("SEQ05", StepPhase.Running, "running"));

        late.Should().BeNull();
        sut.Rows().Visible.Single().Kind.Should().Be(StepPhase.Done);
    }

    [Fact]
    public void Apply_SamePhaseAgain_ReportsNoChange()
    {
        var sut = CreateSut(("SEQ05", 1, 1m));
        sut.Apply(Event("SEQ05", StepPhase.Running, "running"));

        sut.Apply(Event("SEQ05", StepPhase.Running, "running")).Should().BeNull();
    }

    [Fact]
    public void Rows_FinishedForAMoment_CollapseButFailedRowsStay()
    {
        var sut = CreateSut(("SEQ01", 1, 1m), ("SEQ02", 1, 1m), ("SEQ03", 1, 1m));
        sut.Apply(Event("SEQ01", StepPhase.Done, "take 1", cost: 1m));
        sut.Apply(Event("SEQ02", StepPhase.Running, "running"));
        sut.Apply(Event("SEQ03", StepPhase.Running, "running"));
        sut.Finish(new SequenceOutcome("SEQ03", ExitCodes.ProviderFailed, SequenceState.StartFrameApproved, "SEQ03: fal answered 500 after 4 tries", 0));
        var before = sut.Rows();

        _time.Advance(sut.CollapseAfter);
        var after = sut.Rows();

        before.Visible.Select(r => r.StepId).Should().Equal("SEQ01", "SEQ02", "SEQ03");
        after.Visible.Select(r => r.StepId).Should().Equal("SEQ02", "SEQ03");
        after.Collapsed.Should().ContainSingle().Which.StepId.Should().Be("SEQ01");
        ProgressText.Phase(after.Visible[1], sut).Should().Be("failed: fal answered 500 after 4 tries");
    }

    [Fact]
    public void Footer_TwoOfFourJobsDone_CountsSpendAndEstimatesTimeLeftFromObservedDurations()
    {
        var sut = CreateSut(("SEQ01", 1, 1.5m), ("SEQ02", 1, 1.5m), ("SEQ03", 2, 2m));
        sut.Apply(Event("SEQ01", StepPhase.Running, "running"));
        sut.Apply(Event("SEQ02", StepPhase.Running, "running"));
        _time.Advance(TimeSpan.FromSeconds(10));
        sut.Apply(Event("SEQ01", StepPhase.Done, "take 1", cost: 1.5m));
        _time.Advance(TimeSpan.FromSeconds(10));
        sut.Apply(Event("SEQ02", StepPhase.Done, "take 1", cost: 1.25m));
        sut.Finish(new SequenceOutcome("SEQ01", ExitCodes.Ok, SequenceState.Review, "take 1 ready", 1.5m));

        var footer = sut.Footer();

        footer.SequencesDone.Should().Be(1);
        footer.SequencesTotal.Should().Be(3);
        footer.JobsDone.Should().Be(2);
        footer.JobsTotal.Should().Be(4);
        footer.SpentUsd.Should().Be(2.75m);
        footer.EstimateUsd.Should().Be(5m);
        footer.Elapsed.Should().Be(TimeSpan.FromSeconds(20));
        footer.Left.Should().Be(TimeSpan.FromSeconds(15), "jobs took 10 s and 20 s; two left on two slots is one round of 15 s");
        footer.ToString().Should().Be("sequences 1/3 · jobs 2/4 · spent $2.75 of ~$5.00 · 0:20 elapsed · ~0:15 left");
    }

    [Fact]
    public void Footer_BeforeAnyJobFinished_HasNoTimeLeft()
    {
        var sut = CreateSut(("SEQ01", 1, 1m));
        sut.Apply(Event("SEQ01", StepPhase.Running, "running"));

        sut.Footer().Left.Should().BeNull();
    }

    [Fact]
    public void Finish_SucceededWithoutAnyJob_AddsASkippedRowThatIsNoJob()
    {
        var sut = CreateSut(("SEQ01", 0, 0m));

        var rows = sut.Finish(new SequenceOutcome("SEQ01", ExitCodes.Ok, SequenceState.Review, "already has take 1; not generated again (--again pays for another take)", 0));

        rows.Should().ContainSingle().Which.Kind.Should().Be(StepPhase.Skipped);
        sut.Footer().JobsTotal.Should().Be(0);
        sut.Footer().SequencesDone.Should().Be(1);
    }

    [Fact]
    public void Finish_Failed_MarksEveryOpenShotOfTheSequenceFailed()
    {
        var sut = CreateSut(("SEQ08", 2, 2m));
        sut.Apply(Event("SEQ08_shot01", StepPhase.Done, "verified", cost: 1m, sequence: "SEQ08"));
        sut.Apply(Event("SEQ08_shot02", StepPhase.Running, "running", sequence: "SEQ08"));

        var rows = sut.Finish(new SequenceOutcome("SEQ08", ExitCodes.ProviderFailed, SequenceState.Generating, "SEQ08_shot02: the video lasts 3 s, 5 s were asked", 0));

        rows.Should().ContainSingle().Which.StepId.Should().Be("SEQ08_shot02");
        rows[0].Text.Should().Be("the video lasts 3 s, 5 s were asked", "the step id is the row's own");
        sut.Footer().JobsFailed.Should().Be(1);
        sut.Footer().SequencesFailed.Should().Be(1);
    }

    [Fact]
    public void Phase_Waiting_CountsTheSecondsDown()
    {
        var sut = CreateSut(("SEQ01", 1, 1m));
        var row = sut.Apply(Event("SEQ01", StepPhase.Waiting, "rate limit") with { WaitLeft = TimeSpan.FromSeconds(30) })!;

        _time.Advance(TimeSpan.FromSeconds(12));

        ProgressText.Phase(row, sut).Should().Be("waiting 18s (rate limit)");
    }

    private ProgressBoard CreateSut(params (string Id, int Jobs, decimal Cost)[] sequences) =>
        new(_time, new BatchEstimate([.. sequences.Select(s => new SequenceEstimate(s.Id, s.Jobs, s.Cost))]), jobConcurrency: 2);

    private static StepProgress Event(string step, StepPhase kind, string text, int? position = null, decimal cost = 0, string? sequence = null) =>
        new(step, text, position, TimeSpan.Zero, cost) { Kind = kind, SequenceId = sequence ?? step };
}
