namespace StarSend.Review.Pages.Views;

/// <summary>A sequence's takes on the dailies page, newest first.</summary>
public sealed record GroupView(string Id, string Section, string State, string StateClass, string Range, bool Omitted, IReadOnlyList<TakeView> Takes);
