namespace StarSend.Review.Pages.Views;

/// <summary>A take on the dailies page. <see cref="Files"/> and <see cref="FileDurations"/> are '|'-joined, in play order.</summary>
public sealed record TakeView
{
    public required string Sequence { get; init; }

    public required int Number { get; init; }

    public required string Stamp { get; init; }

    public required string Status { get; init; }

    public required string RetakeReason { get; init; }

    public required string FirstFile { get; init; }

    public required string Files { get; init; }

    public required string FileDurations { get; init; }

    public required int FileCount { get; init; }

    public required string DurationS { get; init; }

    public required string Mode { get; init; }

    public required string Model { get; init; }

    public required string Cost { get; init; }

    public required string RunId { get; init; }

    public required string StartedAt { get; init; }

    public required IReadOnlyList<string> RequestIds { get; init; }

    public required IReadOnlyList<string> ElementsUsed { get; init; }

    public required IReadOnlyList<string> ElementsDropped { get; init; }

    public required IReadOnlyList<ShotView> Shots { get; init; }

    /// <summary>The analysis's motion elements animated in the take (<c>generate --animate</c>); empty otherwise.</summary>
    public IReadOnlyList<string> Animated { get; init; } = [];

    /// <summary>The take's negative prompt, empty when it had none.</summary>
    public string NegativePrompt { get; init; } = string.Empty;

    /// <summary>For a take made with <c>--feedback</c>: "take 1: slower camera" (the feedback on the take it rewrote); empty otherwise.</summary>
    public string Feedback { get; init; } = string.Empty;

    /// <summary>The text model's one-line rationale for its rewrite; empty without feedback.</summary>
    public string Rationale { get; init; } = string.Empty;

    /// <summary>Whether the negative prompt went to the model; false when the model takes none and it was only recorded.</summary>
    public bool NegativePromptSent { get; init; }

    public required IReadOnlyList<EventView> History { get; init; }

    public required PictureView Picture { get; init; }
}
