using StarSend.Core.Sequences;
using StarSend.Core.Tests.Steps;
using StarSend.Core.Workflow;
using StarSend.Infrastructure.State;

namespace StarSend.Core.Tests.Workflow;

/// <summary>reconcile repairs only what it can prove and reports the rest.</summary>
public sealed class ReconcileTests
{
    [Fact]
    public async Task ReconcileAsync_GeneratingWithNothingInFlightAndATakeFileGone_ReturnsToReviewAndReportsTheFile()
    {
        await using var h = await StepHarness.StartAsync();
        var runner = h.Runner();
        await h.PickedAsync(runner, "SEQ07", new GridCell(0, 0));
        (await h.GenerateAsync(runner, "SEQ07")).Succeeded.Should().BeTrue();
        var take = h.Sequence("SEQ07").Takes.Single();
        File.Delete(h.Paths.Full(take.Files[0].Path));
        // A run that stopped right after entering generating, before it recorded an intent.
        await new SequenceStore(h.Paths, TimeProvider.System).UpdateAsync(
            doc => doc with
            {
                Sequences = new(doc.Sequences) { ["SEQ07"] = SequenceWorkflow.Apply(doc.Sequences["SEQ07"], SequenceCommand.Generate) with { Pending = new PendingTake(2, TakeMode.MultiShot, "crashed", h.Fake.GetUtcNow()) } },
            },
            CancellationToken.None);
        var requests = h.Stats.Requests.Values.Sum();

        var findings = await h.Runner().ReconcileAsync(CancellationToken.None);

        findings.Should().BeEquivalentTo(new[]
        {
            new ReconcileFinding("SEQ07", $"take 1: {take.Files[0].Path} is missing", false),
            new ReconcileFinding("SEQ07", "was generating with nothing in flight; returned to review", true),
        });
        var record = h.Sequence("SEQ07");
        record.State.Should().Be(SequenceState.Review);
        record.Pending.Should().BeNull();
        record.LastError.Should().Contain("nothing in flight");
        record.Takes.Should().ContainSingle();
        h.Stats.Requests.Values.Sum().Should().Be(requests, "reconcile sends nothing");
    }

    [Fact]
    public async Task ReconcileAsync_AnotherRunHoldsTheSequence_LeavesItsStepAlone()
    {
        await using var h = await StepHarness.StartAsync();
        await h.PickedAsync(h.Runner(), "SEQ11", new GridCell(0, 1));
        var leases = new SequenceLeases(h.Paths, TimeProvider.System);
        var live = await leases.AcquireAsync("SEQ11", "starsend generate (run other)", CancellationToken.None);
        // The other run has entered generating and is uploading: nothing is in the ExecutionStore yet.
        await new SequenceStore(h.Paths, TimeProvider.System).UpdateAsync(
            doc => doc with { Sequences = new(doc.Sequences) { ["SEQ11"] = SequenceWorkflow.Apply(doc.Sequences["SEQ11"], SequenceCommand.Generate) } },
            CancellationToken.None);

        var findings = await h.Runner().ReconcileAsync(CancellationToken.None);

        findings.Should().ContainSingle().Which.Should().Match<ReconcileFinding>(f => f.SequenceId == "SEQ11" && !f.Repaired && f.Finding.Contains("another run"));
        h.Sequence("SEQ11").State.Should().Be(SequenceState.Generating);

        await live.DisposeAsync();
        var after = await h.Runner().ReconcileAsync(CancellationToken.None);

        after.Should().ContainSingle().Which.Repaired.Should().BeTrue();
        h.Sequence("SEQ11").State.Should().Be(SequenceState.StartFrameApproved);
    }

    [Fact]
    public async Task ReconcileAsync_GeneratingWithAPaidJobInFlight_LeavesItForGenerateToResume()
    {
        await using var h = await StepHarness.StartAsync(queueWait: TimeSpan.FromSeconds(60));
        await h.PickedAsync(h.Runner(), "SEQ12", new GridCell(1, 1));
        using var interrupt = new CancellationTokenSource();
        var generate = h.Runner().GenerateAsync("SEQ12", new GenerateRequest { Yes = true }, null, interrupt.Token);
        await h.Clock.WaitForWaitAsync(_ => true);
        await interrupt.CancelAsync();
        await generate.Invoking(async t => await t).Should().ThrowAsync<OperationCanceledException>();

        var findings = await h.Runner().ReconcileAsync(CancellationToken.None);

        findings.Should().ContainSingle().Which.Should().Match<ReconcileFinding>(
            f => f.SequenceId == "SEQ12" && !f.Repaired && f.Finding.Contains("SEQ12#1 is paid and in flight") && f.Finding.Contains("starsend generate SEQ12"));
        h.Sequence("SEQ12").State.Should().Be(SequenceState.Generating);
        var resumed = await h.GenerateAsync(h.Runner(), "SEQ12");
        resumed.Succeeded.Should().BeTrue(resumed.Message);
        h.Stats.SubmitsAccepted.Should().Be(1);
    }
}
