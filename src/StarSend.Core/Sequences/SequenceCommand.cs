namespace StarSend.Core.Sequences;

/// <summary>
/// What can happen to a sequence. The producer's commands (grid, pick, generate, approve) start or make a step; the
/// <c>*Done</c> and <c>*Failed</c> ones are how a step that was started ends.
/// </summary>
public enum SequenceCommand
{
    /// <summary><c>starsend grid</c>: start exploring a grid (or resume one left running).</summary>
    Grid,

    /// <summary>The grid image is on disk and verified.</summary>
    GridDone,

    /// <summary>The grid step failed; the sequence returns to where it came from.</summary>
    GridFailed,

    /// <summary><c>starsend pick</c>: a cell of a paid grid becomes the start frame.</summary>
    Pick,

    /// <summary><c>starsend generate</c>: start a take (or resume one left running).</summary>
    Generate,

    /// <summary>The take's video is downloaded and verified.</summary>
    GenerateDone,

    /// <summary>The generate step failed; the sequence returns to where it came from.</summary>
    GenerateFailed,

    /// <summary><c>starsend approve --take N</c>.</summary>
    ApproveTake,

    /// <summary><c>starsend approve --final</c>.</summary>
    ApproveFinal,
}
