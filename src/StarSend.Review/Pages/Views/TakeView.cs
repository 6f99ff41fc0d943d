namespace StarSend.Review.Pages.Views;

/// <summary>A take on the dailies page. <see cref="Files"/> and <see cref="FileDurations"/> are '|'-joined, in play order.</summary>
public sealed record TakeView
{
    public required string Sequence { get; init; }

    public required int Number { get; init; }

    public required string Stamp { get; init; }

    public required string Status { get; init; }

    public required string RetakeReason { get; init; }

    public required string FirstFile { get; init; }

    public required string Files { get; init; }

    public required string FileDurations { get; init; }

    public required int FileCount { get; init; }

    public required string DurationS { get; init; }

    public required string Mode { get; init; }

    public required string Model { get; init; }

    public required string Cost { get; init; }

    public required string RunId { get; init; }

    public required string StartedAt { get; init; }

    public required IReadOnlyList<string> RequestIds { get; init; }

    public required IReadOnlyList<string> ElementsUsed { get; init; }

    public required IReadOnlyList<string> ElementsDropped { get; init; }

    public required IReadOnlyList<ShotView> Shots { get; init; }

    public required IReadOnlyList<EventView> History { get; init; }

    public required PictureView Picture { get; init; }
}
