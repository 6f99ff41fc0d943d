namespace StarSend.Emulator.Faults;

/// <summary>One parsed rule: <c>TARGET[/MODEL]:FAULT[=ARG][@WHEN]</c>.</summary>
internal sealed record FaultRule(string Target, FaultKind Kind, double? Arg, FaultWhen When)
{
    /// <summary>
    /// The model the rule is limited to (<c>gemini/gemini-3.8-flash:model-gone</c>): it hits only that model's requests,
    /// and <c>WHEN</c> counts only them. Null for every model.
    /// </summary>
    public string? Model { get; init; }

    /// <summary>Seconds for a 429's Retry-After / retryDelay.</summary>
    public int RetryAfterSeconds => (int)Math.Max(0, Math.Round(Arg ?? 1));

    /// <summary>Fraction of the body a truncated answer sends.</summary>
    public double TruncateFraction => Math.Clamp(Arg ?? 0.5, 0, 1);

    /// <summary>Real time a stalled answer waits.</summary>
    public TimeSpan StallTime => TimeSpan.FromSeconds(Math.Max(0, Arg ?? 30));
}
