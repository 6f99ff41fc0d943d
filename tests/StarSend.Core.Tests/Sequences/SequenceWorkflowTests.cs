using StarSend.Core.Errors;
using StarSend.Core.Sequences;

namespace StarSend.Core.Tests.Sequences;

public sealed class SequenceWorkflowTests
{
    private const string _id = "SEQ03";

    private static readonly SequenceState[] _allStates = Enum.GetValues<SequenceState>();
    private static readonly SequenceCommand[] _allCommands = Enum.GetValues<SequenceCommand>();

    /// <summary>DESIGN.md's workflow, written out: every legal (state, command) and the state it leads to.</summary>
    private static readonly Dictionary<(SequenceState From, SequenceCommand Command), SequenceState> _legalMoves = new()
    {
        [(SequenceState.NotStarted, SequenceCommand.Grid)] = SequenceState.GridExploring,
        [(SequenceState.GridExploring, SequenceCommand.Grid)] = SequenceState.GridExploring,
        [(SequenceState.GridExploring, SequenceCommand.GridDone)] = SequenceState.GridReview,
        [(SequenceState.GridExploring, SequenceCommand.GridFailed)] = SequenceState.GridReview,
        [(SequenceState.GridReview, SequenceCommand.Grid)] = SequenceState.GridExploring,
        [(SequenceState.GridReview, SequenceCommand.Pick)] = SequenceState.StartFrameApproved,
        [(SequenceState.StartFrameApproved, SequenceCommand.Grid)] = SequenceState.GridExploring,
        [(SequenceState.StartFrameApproved, SequenceCommand.Pick)] = SequenceState.StartFrameApproved,
        [(SequenceState.StartFrameApproved, SequenceCommand.Generate)] = SequenceState.Generating,
        [(SequenceState.Generating, SequenceCommand.Generate)] = SequenceState.Generating,
        [(SequenceState.Generating, SequenceCommand.GenerateDone)] = SequenceState.Review,
        [(SequenceState.Generating, SequenceCommand.GenerateFailed)] = SequenceState.Review,
        [(SequenceState.Review, SequenceCommand.Pick)] = SequenceState.StartFrameApproved,
        [(SequenceState.Review, SequenceCommand.Generate)] = SequenceState.Generating,
        [(SequenceState.Review, SequenceCommand.ApproveTake)] = SequenceState.Approved,
        [(SequenceState.Approved, SequenceCommand.ApproveFinal)] = SequenceState.Final,
    };

    public static TheoryData<SequenceState, SequenceCommand, SequenceState> Legal()
    {
        var data = new TheoryData<SequenceState, SequenceCommand, SequenceState>();
        foreach (var ((from, command), to) in _legalMoves)
        {
            data.Add(from, command, to);
        }

        return data;
    }

    public static TheoryData<SequenceState, SequenceCommand> Illegal()
    {
        var data = new TheoryData<SequenceState, SequenceCommand>();
        foreach (var state in _allStates)
        {
            foreach (var command in _allCommands.Where(c => !_legalMoves.ContainsKey((state, c))))
            {
                data.Add(state, command);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Legal))]
    public void Apply_LegalCommand_MovesToTheNextState(SequenceState from, SequenceCommand command, SequenceState to)
    {
        var record = In(from);

        var next = SequenceWorkflow.Apply(record, command, error: "boom", take: 1);

        next.State.Should().Be(to);
        SequenceWorkflow.IsLegal(record, command).Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(Illegal))]
    public void Apply_IllegalCommand_ThrowsNamingSequenceStateAndWhatIsLegal(SequenceState from, SequenceCommand command)
    {
        var record = In(from);

        var act = () => SequenceWorkflow.Apply(record, command, error: "boom", take: 1);

        var message = act.Should().Throw<IllegalTransitionException>().Which.Message;
        message.Should().StartWith($"{_id} is in {SequenceWorkflow.StateName(from)}: ").And.Contain("; legal now: ");
        SequenceWorkflow.IsLegal(record, command).Should().BeFalse();
    }

    [Fact]
    public void Illegal_CoversEveryOtherPair()
    {
        (Legal().Count + Illegal().Count).Should().Be(_allStates.Length * _allCommands.Length);
        Illegal().Count.Should().Be(56);
    }

    [Theory]
    [InlineData(SequenceState.GridReview, SequenceCommand.Generate, "SEQ03 is in grid_review: generate needs start_frame_approved or review; legal now: pick, grid")]
    [InlineData(SequenceState.NotStarted, SequenceCommand.Pick, "SEQ03 is in not_started: pick needs grid_review, start_frame_approved or review with no take approved; legal now: grid")]
    [InlineData(SequenceState.Approved, SequenceCommand.Pick, "SEQ03 is in approved: pick needs grid_review, start_frame_approved or review with no take approved; legal now: approve --final")]
    [InlineData(SequenceState.Review, SequenceCommand.Grid, "SEQ03 is in review: grid needs not_started, grid_review or start_frame_approved; legal now: approve --take, generate, pick")]
    [InlineData(SequenceState.StartFrameApproved, SequenceCommand.ApproveTake, "SEQ03 is in start_frame_approved: approve --take needs review; legal now: generate, pick, grid")]
    [InlineData(SequenceState.Final, SequenceCommand.Generate, "SEQ03 is in final: generate needs start_frame_approved or review; legal now: nothing, it is final")]
    [InlineData(SequenceState.Generating, SequenceCommand.ApproveFinal, "SEQ03 is in generating: approve --final needs approved; legal now: generate")]
    [InlineData(SequenceState.Review, SequenceCommand.GridDone, "SEQ03 is in review: grid done needs grid_exploring; legal now: approve --take, generate, pick")]
    public void Ensure_IllegalCommand_SaysExactlyWhy(SequenceState from, SequenceCommand command, string expected)
    {
        var act = () => SequenceWorkflow.Ensure(In(from), command);

        act.Should().Throw<IllegalTransitionException>().WithMessage(expected).Which.ExitCode.Should().Be(ExitCodes.IllegalState);
    }

    [Theory]
    [InlineData(SequenceState.NotStarted, SequenceCommand.Grid, SequenceCommand.GridFailed)]
    [InlineData(SequenceState.GridReview, SequenceCommand.Grid, SequenceCommand.GridFailed)]
    [InlineData(SequenceState.StartFrameApproved, SequenceCommand.Grid, SequenceCommand.GridFailed)]
    [InlineData(SequenceState.StartFrameApproved, SequenceCommand.Generate, SequenceCommand.GenerateFailed)]
    [InlineData(SequenceState.Review, SequenceCommand.Generate, SequenceCommand.GenerateFailed)]
    public void Apply_StepFails_ReturnsToWhereItCameFromWithTheError(SequenceState from, SequenceCommand start, SequenceCommand failed)
    {
        var started = SequenceWorkflow.Apply(In(from), start);

        var back = SequenceWorkflow.Apply(started, failed, error: "Kling refused the prompt");

        started.ReturnState.Should().Be(from);
        back.State.Should().Be(from);
        back.LastError.Should().Be("Kling refused the prompt");
        back.ReturnState.Should().BeNull();
    }

    [Theory]
    [InlineData(SequenceState.GridExploring, SequenceState.GridReview)]
    [InlineData(SequenceState.Generating, SequenceState.Review)]
    public void Fail_RunningStep_GoesBackToReturnState(SequenceState running, SequenceState returnTo)
    {
        var record = In(running) with { ReturnState = returnTo, Pending = new PendingTake(2, TakeMode.MultiShot, "r2", default) };

        var back = SequenceWorkflow.Fail(record, "timed out");

        back.Should().BeEquivalentTo(record with { State = returnTo, ReturnState = null, Pending = null, LastError = "timed out" });
    }

    [Fact]
    public void Fail_NoStepRunning_KeepsTheStateAndRecordsTheError()
    {
        var record = In(SequenceState.GridReview);

        var after = SequenceWorkflow.Fail(record, "cell too small");

        after.Should().BeEquivalentTo(record with { LastError = "cell too small" });
    }

    [Theory]
    [InlineData(SequenceState.GridExploring, false, false, SequenceState.NotStarted)]
    [InlineData(SequenceState.GridExploring, true, false, SequenceState.GridReview)]
    [InlineData(SequenceState.GridExploring, true, true, SequenceState.StartFrameApproved)]
    [InlineData(SequenceState.Generating, true, true, SequenceState.StartFrameApproved)]
    public void Fail_NoReturnStateRecorded_InfersItFromWhatTheSequenceHas(SequenceState running, bool hasGrid, bool hasStartFrame, SequenceState expected)
    {
        var record = new SequenceRecord
        {
            Id = _id,
            State = running,
            Grids = hasGrid ? [new GridAttempt { Number = 1, RunId = "r1", File = "media/grids/r1_SEQ03_grid.png" }] : [],
            StartFrame = hasStartFrame ? new StartFrame { Grid = 1, Row = 0, Col = 1, File = "media/start_frames/r1_SEQ03_r0c1.png" } : null,
        };

        SequenceWorkflow.Fail(record, "crashed").State.Should().Be(expected);
    }

    [Fact]
    public void Apply_Done_ClearsErrorAndReturnState()
    {
        var failedBefore = SequenceWorkflow.Apply(SequenceWorkflow.Apply(In(SequenceState.GridReview), SequenceCommand.Grid), SequenceCommand.GridFailed, "429");
        var running = SequenceWorkflow.Apply(failedBefore, SequenceCommand.Grid);

        var done = SequenceWorkflow.Apply(running, SequenceCommand.GridDone);

        done.Should().BeEquivalentTo(failedBefore with { State = SequenceState.GridReview, LastError = null, ReturnState = null });
    }

    [Theory]
    [InlineData(SequenceState.GridExploring, SequenceCommand.Grid)]
    [InlineData(SequenceState.Generating, SequenceCommand.Generate)]
    public void Apply_StartWhileRunning_ResumesWithoutForgettingWhereToReturn(SequenceState running, SequenceCommand start)
    {
        var record = In(running);

        SequenceWorkflow.Apply(record, start).Should().BeSameAs(record);
    }

    [Fact]
    public void Apply_PickWithATakeApproved_IsRefusedEvenInReview()
    {
        var inconsistent = In(SequenceState.Review) with { ApprovedTake = 1 };

        var act = () => SequenceWorkflow.Apply(inconsistent, SequenceCommand.Pick);

        act.Should().Throw<IllegalTransitionException>().WithMessage("*with no take approved; legal now: approve --take, generate");
    }

    [Fact]
    public void ApproveTake_ExistingTake_RecordsIt()
    {
        var approved = SequenceWorkflow.ApproveTake(In(SequenceState.Review) with { LastError = "old" }, 2);

        approved.State.Should().Be(SequenceState.Approved);
        approved.ApprovedTake.Should().Be(2);
        approved.LastError.Should().BeNull();
    }

    [Fact]
    public void ApproveTake_UnknownTake_IsBadInputListingTheTakes()
    {
        var act = () => SequenceWorkflow.ApproveTake(In(SequenceState.Review), 7);

        act.Should().Throw<BadInputException>().WithMessage("SEQ03 has no take 7; takes: 1, 2");
    }

    [Fact]
    public void Apply_FailedWithoutError_IsAProgrammingError()
    {
        var act = () => SequenceWorkflow.Apply(In(SequenceState.Generating), SequenceCommand.GenerateFailed);

        act.Should().Throw<ArgumentNullException>();
    }

    [Theory]
    [InlineData(SequenceState.NotStarted, new[] { SequenceCommand.Grid })]
    [InlineData(SequenceState.Review, new[] { SequenceCommand.ApproveTake, SequenceCommand.Generate, SequenceCommand.Pick })]
    [InlineData(SequenceState.Final, new SequenceCommand[0])]
    public void LegalCommands_ListsTheUsualNextStepFirst(SequenceState state, SequenceCommand[] expected)
    {
        SequenceWorkflow.LegalCommands(In(state)).Should().Equal(expected);
    }

    /// <summary>A consistent record in <paramref name="state"/>: what the steps before it would have left behind.</summary>
    private static SequenceRecord In(SequenceState state)
    {
        var past = (int)state;
        var hasGrid = past >= (int)SequenceState.GridReview;
        var hasStart = past >= (int)SequenceState.StartFrameApproved;
        var hasTakes = past >= (int)SequenceState.Review;
        return new SequenceRecord
        {
            Id = _id,
            State = state,
            ReturnState = state switch
            {
                SequenceState.GridExploring => SequenceState.GridReview,
                SequenceState.Generating => SequenceState.Review,
                _ => null,
            },
            Grids = hasGrid || state == SequenceState.GridExploring ? [new GridAttempt { Number = 1, RunId = "r1", File = "media/grids/r1_SEQ03_grid.png" }] : [],
            StartFrame = hasStart || state == SequenceState.Generating ? new StartFrame { Grid = 1, Row = 1, Col = 0, File = "media/start_frames/r1_SEQ03_r1c0.png" } : null,
            Takes = hasTakes || state == SequenceState.Generating ? [Take(1), Take(2)] : [],
            ApprovedTake = past >= (int)SequenceState.Approved ? 1 : null,
        };
    }

    private static Take Take(int number) => new()
    {
        Number = number,
        RunId = $"r{number}",
        Mode = TakeMode.MultiShot,
        ShotPrompts = ["wide, fog over the water"],
        Durations = ["5"],
    };
}
