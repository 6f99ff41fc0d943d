namespace StarSend.Review.Pages.Views;

/// <summary>A sequence card on the board, placed at <see cref="Left"/> percent of the song, <see cref="Width"/> percent wide.</summary>
public sealed record CardView
{
    public required string Id { get; init; }

    public required string Section { get; init; }

    public required string State { get; init; }

    public required string StateClass { get; init; }

    public required string Left { get; init; }

    public required string Width { get; init; }

    public required string StartS { get; init; }

    public required string EndS { get; init; }

    public required string Range { get; init; }

    public required string Description { get; init; }

    public required PictureView Picture { get; init; }

    /// <summary>"take 2" or empty.</summary>
    public required string ApprovedTake { get; init; }

    public required int Takes { get; init; }

    public required string Cost { get; init; }

    public required string ToFinish { get; init; }

    public required string LastError { get; init; }

    /// <summary>Why the latest take was sent back ("take 2: slower camera"), while it waits for its retake; empty otherwise.</summary>
    public string Retake { get; init; } = string.Empty;

    /// <summary>
    /// The latest start-frame analysis in one line ("analysis 1: night street; motion: hair, neon sign"), marked stale when
    /// it describes an earlier start frame; empty when the sequence has none.
    /// </summary>
    public string Analysis { get; init; } = string.Empty;

    /// <summary>True when <see cref="Analysis"/> describes a start frame other than the current one (a re-pick since).</summary>
    public bool AnalysisStale { get; init; }

    public required bool Omitted { get; init; }
}
