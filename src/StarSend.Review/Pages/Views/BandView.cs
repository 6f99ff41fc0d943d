namespace StarSend.Review.Pages.Views;

/// <summary>A section band on the board's timeline; <see cref="Left"/> and <see cref="Width"/> are percentages of the song.</summary>
public sealed record BandView(string Name, string Left, string Width, string Range);
