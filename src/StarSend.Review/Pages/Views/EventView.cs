namespace StarSend.Review.Pages.Views;

/// <summary>A review history entry as shown under a take.</summary>
public sealed record EventView(string Action, string Text, string Who, string At, string Source);
