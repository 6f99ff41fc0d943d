namespace StarSend.Emulator.Faults;

/// <summary>One parsed rule: <c>TARGET:FAULT[=ARG][@WHEN]</c>.</summary>
internal sealed record FaultRule(string Target, FaultKind Kind, double? Arg, FaultWhen When)
{
    /// <summary>The model a rule is for (<c>model-gone=MODEL</c>): it hits only requests for that model; null hits any.</summary>
    public string? Model { get; init; }

    /// <summary>True when the rule applies to a request for <paramref name="model"/>.</summary>
    public bool IsFor(string? model) => Model is null || string.Equals(Model, model, StringComparison.OrdinalIgnoreCase);

    /// <summary>Seconds for a 429's Retry-After / retryDelay.</summary>
    public int RetryAfterSeconds => (int)Math.Max(0, Math.Round(Arg ?? 1));

    /// <summary>Fraction of the body a truncated answer sends.</summary>
    public double TruncateFraction => Math.Clamp(Arg ?? 0.5, 0, 1);

    /// <summary>Real time a stalled answer waits.</summary>
    public TimeSpan StallTime => TimeSpan.FromSeconds(Math.Max(0, Arg ?? 30));
}
