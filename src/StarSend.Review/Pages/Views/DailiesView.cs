namespace StarSend.Review.Pages.Views;

/// <summary>The model of dailies.liquid.</summary>
public sealed record DailiesView
{
    public required string Project { get; init; }

    public required string SongTitle { get; init; }

    public required string WrittenAt { get; init; }

    public required string Filter { get; init; }

    public required string BoardLink { get; init; }

    public required int TakeCount { get; init; }

    public required IReadOnlyList<GroupView> Groups { get; init; }

    public required string Css { get; init; }

    public required string Script { get; init; }

    /// <summary>The Content-Security-Policy source of <see cref="Script"/> (<c>sha256-…</c>): the only script the page runs.</summary>
    public string ScriptHash => "sha256-" + Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Script)));
}
