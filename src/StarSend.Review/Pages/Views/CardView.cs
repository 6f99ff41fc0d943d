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

    public required bool Omitted { get; init; }
}
