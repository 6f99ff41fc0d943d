using StarSend.Core.Errors;
using StarSend.Core.Sequences;
using StarSend.Core.Tests.Steps;
using StarSend.Core.Workflow;
using StarSend.Infrastructure.State;

namespace StarSend.Core.Tests.Workflow;

/// <summary><c>reset SEQ --to</c>: jump back, keeping every grid, pick and take, recorded in the history.</summary>
public sealed class ResetTests
{
    [Fact]
    public async Task ResetAsync_ApprovedToGridReview_KeepsEverythingTakesBackTheApprovalAndAllowsAnotherPick()
    {
        await using var h = await StepHarness.StartAsync();
        var runner = h.Runner();
        await h.PickedAsync(runner, "SEQ01", new GridCell(0, 0));
        (await h.GenerateAsync(runner, "SEQ01")).Succeeded.Should().BeTrue();
        await runner.ApproveTakeAsync("SEQ01", 1, CancellationToken.None);
        var before = h.Sequence("SEQ01");
        var requests = h.Stats.Requests.Values.Sum();

        var after = await runner.ResetAsync("SEQ01", SequenceState.GridReview, force: false, CancellationToken.None);

        after.State.Should().Be(SequenceState.GridReview);
        after.ApprovedTake.Should().BeNull();
        after.Grids.Should().BeEquivalentTo(before.Grids);
        after.Takes.Should().BeEquivalentTo(before.Takes);
        after.StartFrame.Should().Be(before.StartFrame);
        var entry = after.History[^1];
        entry.Action.Should().Be(ReviewAction.Reset);
        entry.Text.Should().Be("approved -> grid_review; approval of take 1 taken back");
        entry.RunId.Should().Be(StepHarness.RunId);
        h.Sequence("SEQ01").Should().BeEquivalentTo(after);

        var repicked = await runner.PickAsync("SEQ01", new GridCell(1, 1), null, null, CancellationToken.None);
        repicked.State.Should().Be(SequenceState.StartFrameApproved);
        repicked.Takes.Should().HaveCount(1, "the take made from the old start frame is kept");
        h.Stats.Requests.Values.Sum().Should().Be(requests, "reset and re-pick pay for nothing");

        // The producer looked again and prefers the take they had: approving it needs no new take.
        var approved = await runner.ApproveTakeAsync("SEQ01", 1, CancellationToken.None);
        approved.State.Should().Be(SequenceState.Approved);
        approved.ApprovedTake.Should().Be(1);
        h.Stats.Requests.Values.Sum().Should().Be(requests, "approving a kept take pays for nothing");
    }

    [Fact]
    public async Task ResetAsync_IllegalCases_AreExit3NamingWhatIsLegalAndWriteNothing()
    {
        await using var h = await StepHarness.StartAsync();
        var runner = h.Runner();
        await h.PickedAsync(runner, "SEQ01", new GridCell(0, 0));
        var before = File.ReadAllText(h.Paths.SequencesFile);

        var forward = () => runner.ResetAsync("SEQ01", SequenceState.StartFrameApproved, false, CancellationToken.None);
        (await forward.Should().ThrowAsync<IllegalTransitionException>()).Which.Message.Should().Contain("legal from start_frame_approved: grid_review");
        var unknown = () => ClientSequenceRunner.ParseResetTarget("SEQ01", "review");
        unknown.Should().Throw<IllegalTransitionException>().Which.Message.Should().Contain("grid_review and start_frame_approved");

        var leases = new SequenceLeases(h.Paths, TimeProvider.System);
        await using (await leases.AcquireAsync("SEQ01", "starsend generate (run other)", CancellationToken.None))
        {
            var held = () => runner.ResetAsync("SEQ01", SequenceState.GridReview, false, CancellationToken.None);
            (await held.Should().ThrowAsync<IllegalTransitionException>()).Which.Message.Should().Contain("another run");
        }

        File.ReadAllText(h.Paths.SequencesFile).Should().Be(before);
        ClientSequenceRunner.ParseResetTarget("SEQ01", "Grid_Review").Should().Be(SequenceState.GridReview);
    }

    [Fact]
    public async Task ResetAsync_Final_NeedsForce()
    {
        await using var h = await StepHarness.StartAsync();
        var runner = h.Runner();
        await h.PickedAsync(runner, "SEQ01", new GridCell(0, 0));
        (await h.GenerateAsync(runner, "SEQ01")).Succeeded.Should().BeTrue();
        await runner.ApproveTakeAsync("SEQ01", 1, CancellationToken.None);
        await runner.ApproveFinalAsync("SEQ01", CancellationToken.None);

        var refused = () => runner.ResetAsync("SEQ01", SequenceState.StartFrameApproved, false, CancellationToken.None);
        (await refused.Should().ThrowAsync<IllegalTransitionException>()).Which.Message.Should().Contain("--force");

        var forced = await runner.ResetAsync("SEQ01", SequenceState.StartFrameApproved, true, CancellationToken.None);
        forced.State.Should().Be(SequenceState.StartFrameApproved);
        forced.History[^1].Text.Should().StartWith("final -> start_frame_approved");
    }
}
