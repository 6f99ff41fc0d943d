using StarSend.Core.Errors;
using StarSend.Core.Sequences;

namespace StarSend.Core.Tests.Sequences;

public sealed class SequenceReviewTests
{
    private static readonly ReviewStamp Stamp = new("maya", new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero), "20261129T090000Z-beef");

    private static SequenceRecord InReview(int takes = 2) => new()
    {
        Id = "SEQ03",
        State = SequenceState.Review,
        Takes = [.. Enumerable.Range(1, takes).Select(n => new Take { Number = n, RunId = "r", Mode = TakeMode.MultiShot, ShotPrompts = ["p"], Durations = ["4"] })],
    };

    [Fact]
    public void Retake_SetsStatusAndReason_AndKeepsWhoWhenAndRun()
    {
        var after = SequenceReview.Decide(InReview(), new ReviewDecision(ReviewAction.Retake, 2, "  horizon tilts "), Stamp);

        SequenceReview.StatusOf(after, after.Takes[1]).Should().Be(TakeReviewStatus.Retake);
        after.Takes[1].RetakeReason.Should().Be("horizon tilts");
        SequenceReview.StatusOf(after, after.Takes[0]).Should().Be(TakeReviewStatus.Pending);
        after.History.Should().ContainSingle().Which.Should().Be(new ReviewEvent
        {
            Action = ReviewAction.Retake, Take = 2, Text = "horizon tilts", Who = "maya", At = Stamp.At, RunId = Stamp.RunId,
        });
        after.State.Should().Be(SequenceState.Review, "a review status sits beside the workflow state");
    }

    [Fact]
    public void Approve_ThenUndo_ReturnsToReviewWithTheTakePending_AndBothAreInTheHistory()
    {
        var approved = SequenceReview.Decide(InReview(), new ReviewDecision(ReviewAction.Approve, 1), Stamp);
        approved.State.Should().Be(SequenceState.Approved);
        SequenceReview.StatusOf(approved, approved.Takes[0]).Should().Be(TakeReviewStatus.Approved);

        var undone = SequenceReview.Decide(approved, new ReviewDecision(ReviewAction.UndoApprove), Stamp);

        undone.State.Should().Be(SequenceState.Review);
        undone.ApprovedTake.Should().BeNull();
        SequenceReview.StatusOf(undone, undone.Takes[0]).Should().Be(TakeReviewStatus.Pending);
        undone.History.Select(e => (e.Action, e.Take)).Should().Equal((ReviewAction.Approve, 1), (ReviewAction.UndoApprove, 1));
    }

    [Fact]
    public void UndoOfAFinal_NeedsForce()
    {
        var final = SequenceReview.Decide(SequenceReview.Decide(InReview(), new ReviewDecision(ReviewAction.Approve, 2), Stamp), new ReviewDecision(ReviewAction.Final), Stamp);

        var refused = () => SequenceReview.Decide(final, new ReviewDecision(ReviewAction.UndoApprove), Stamp);

        refused.Should().Throw<IllegalTransitionException>().WithMessage("SEQ03 is in final*--force*");
        SequenceReview.Decide(final, new ReviewDecision(ReviewAction.UndoApprove, Force: true), Stamp).State.Should().Be(SequenceState.Review);
    }

    [Fact]
    public void RetakeOrHoldOfTheApprovedTake_IsRefused_UntilTheApprovalIsTakenBack()
    {
        var approved = SequenceReview.Decide(InReview(), new ReviewDecision(ReviewAction.Approve, 1), Stamp);

        var retake = () => SequenceReview.Decide(approved, new ReviewDecision(ReviewAction.Retake, 1, "no"), Stamp);
        var hold = () => SequenceReview.Decide(approved, new ReviewDecision(ReviewAction.Hold, 1), Stamp);

        retake.Should().Throw<IllegalTransitionException>().WithMessage("*approve SEQ03 --undo*");
        hold.Should().Throw<IllegalTransitionException>();
        SequenceReview.Decide(approved, new ReviewDecision(ReviewAction.Hold, 2), Stamp).Takes[1].ReviewStatus.Should().Be(TakeReviewStatus.OnHold);
    }

    [Theory]
    [InlineData(ReviewAction.Retake, 1, "")]
    [InlineData(ReviewAction.Note, 1, " ")]
    [InlineData(ReviewAction.Hold, 7, null)]
    [InlineData(ReviewAction.Approve, null, null)]
    public void BadDecisions_AreBadInput(ReviewAction action, int? take, string? text)
    {
        var decide = () => SequenceReview.Decide(InReview(), new ReviewDecision(action, take, text), Stamp);

        decide.Should().Throw<BadInputException>();
    }

    [Fact]
    public void OmitAndRestore_AreKeptInTheHistory_AndRefusedTwice()
    {
        var omitted = SequenceReview.Decide(InReview(), new ReviewDecision(ReviewAction.Omit), Stamp);

        omitted.Omitted.Should().BeTrue();
        var again = () => SequenceReview.Decide(omitted, new ReviewDecision(ReviewAction.Omit), Stamp);
        again.Should().Throw<IllegalTransitionException>();
        var restored = SequenceReview.Decide(omitted, new ReviewDecision(ReviewAction.Restore), Stamp);
        restored.Omitted.Should().BeFalse();
        restored.History.Select(e => e.Action).Should().Equal(ReviewAction.Omit, ReviewAction.Restore);
        restored.History.Should().OnlyContain(e => e.Take == null);
    }

    [Fact]
    public void ApproveFromTheWrongState_NamesTheState()
    {
        var decide = () => SequenceReview.Decide(InReview() with { State = SequenceState.Generating }, new ReviewDecision(ReviewAction.Approve, 1), Stamp);

        decide.Should().Throw<IllegalTransitionException>().WithMessage("SEQ03 is in generating*");
    }
}
