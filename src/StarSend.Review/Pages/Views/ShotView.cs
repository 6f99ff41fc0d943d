namespace StarSend.Review.Pages.Views;

/// <summary>
/// One shot's prompt in a take, split into words kept and words changed against the previous take, with where the
/// prompt came from (<c>plan</c>, <c>take N</c>, <c>edit</c>, <c>feedback</c>, plus <c>+animate</c>; empty on takes from before
/// prompt sources were recorded).
/// </summary>
public sealed record ShotView(string Id, string Duration, IReadOnlyList<WordSpan> Words, bool Changed, string Source = "");
