namespace StarSend.Core.Settings;

/// <summary>One entry of <c>retired_video_models</c> in starsend.json: <c>{"retired_on": "2026-12-01", "use_instead": "leonardo:kling-3.0"}</c>.</summary>
public sealed record RetiredVideoModelSetting
{
    public required DateOnly RetiredOn { get; init; }

    /// <summary>A model id to suggest instead.</summary>
    public required string UseInstead { get; init; }

    /// <summary>Optional clause on why.</summary>
    public string? Reason { get; init; }
}
