namespace StarSend.Review.Pages.Views;

/// <summary>A time mark on the board's ruler, at <see cref="Left"/> percent of the song.</summary>
public sealed record TickView(string Left, string Label);
