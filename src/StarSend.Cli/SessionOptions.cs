namespace StarSend.Cli;

/// <summary>What a command needs from the project session.</summary>
internal sealed record SessionOptions
{
    public bool AllowResubmit { get; init; }

    /// <summary>--again: a step whose paid result was lost may be paid for anew.</summary>
    public bool PayAgain { get; init; }

    /// <summary>The command will call fal.ai: FAL_KEY must be set.</summary>
    public bool NeedsFal { get; init; }

    /// <summary>The command will call Gemini: GEMINI_API_KEY must be set.</summary>
    public bool NeedsGemini { get; init; }
}
