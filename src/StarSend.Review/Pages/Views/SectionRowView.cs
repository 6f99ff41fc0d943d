namespace StarSend.Review.Pages.Views;

/// <summary>One row of the board's coverage and money table (a section, or the total).</summary>
public sealed record SectionRowView(string Name, string Seconds, string ApprovedSeconds, string Percent, string Spent, string ToFinish, int Sequences, int Approved, int Omitted);
