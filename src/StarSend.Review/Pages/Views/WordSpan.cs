namespace StarSend.Review.Pages.Views;

/// <summary>A run of prompt text; <see cref="Changed"/> when it is new against the previous take.</summary>
public sealed record WordSpan(string Text, bool Changed);
