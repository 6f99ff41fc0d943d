namespace StarSend.Core.Sequences;

/// <summary>
/// One paid <c>generate --feedback</c> rewrite (issue #10): a Gemini text call that rewrote the shot prompts of take
/// <see cref="BaseTake"/> from the producer's feedback, kept in <c>sequences.json</c> the moment it is paid, before the
/// producer confirms the take. A rewrite no take records yet is reused, without a new call, by the next
/// <c>generate --feedback</c> with the same feedback text while <see cref="BaseTake"/> is still the latest take (a
/// declined confirmation, a <c>--dry-run</c>, or a run killed before the video was submitted).
/// </summary>
public sealed record PromptRewrite
{
    public required int Number { get; init; }

    /// <summary>The invocation that paid for it.</summary>
    public required string RunId { get; init; }

    /// <summary>The take whose prompts were rewritten (the latest take when it was asked).</summary>
    public required int BaseTake { get; init; }

    /// <summary>The producer's feedback, as given (trimmed).</summary>
    public required string Feedback { get; init; }

    /// <summary>Each shot's new prompt, in shot order: source <c>feedback</c> where the text changed, else <c>take N</c> (the base take's).</summary>
    public required List<TakePrompt> Prompts { get; init; }

    /// <summary>The model's one-line rationale.</summary>
    public required string Rationale { get; init; }

    public required string Model { get; init; }

    public required string ExecutionId { get; init; }

    /// <summary>US dollars of this run's text calls for it (an answer that failed the schema and was asked again included).</summary>
    public decimal CostUsd { get; init; }

    /// <summary>Project-relative path of the answer's JSON as it came.</summary>
    public required string File { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
