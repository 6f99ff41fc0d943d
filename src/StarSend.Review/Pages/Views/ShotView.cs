namespace StarSend.Review.Pages.Views;

/// <summary>One shot's prompt in a take, split into words kept and words changed against the previous take.</summary>
public sealed record ShotView(string Id, string Duration, IReadOnlyList<WordSpan> Words, bool Changed);
