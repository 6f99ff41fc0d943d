namespace StarSend.Review.Pages.Views;

/// <summary>The model of board.liquid.</summary>
public sealed record BoardView
{
    public required string Project { get; init; }

    public required string SongTitle { get; init; }

    public required string SongS { get; init; }

    public required string SongLength { get; init; }

    public required string WrittenAt { get; init; }

    public required string DailiesLink { get; init; }

    public required IReadOnlyList<TickView> Ticks { get; init; }

    public required IReadOnlyList<BandView> Bands { get; init; }

    public required IReadOnlyList<CardView> Cards { get; init; }

    public required IReadOnlyList<SegmentView> Coverage { get; init; }

    public required IReadOnlyList<SectionRowView> Sections { get; init; }

    public required SectionRowView Total { get; init; }

    public required string Css { get; init; }
}
