namespace StarSend.Review.Pages.Views;

/// <summary>A coverage strip segment (kind approved, open, omitted or unplanned) at percentages of the song.</summary>
public sealed record SegmentView(string Left, string Width, string Kind, string Label);
