namespace StarSend.Core.Steps;

/// <summary>
/// A video model to try when the ones before it are proven not to have taken the job (see <see cref="FallbackRules"/>).
/// <paramref name="Unfit"/> is set by the caller that knows the sequence (its mode, elements, durations, negative prompt)
/// when this model cannot take the job as planned: it is then skipped unsent, with that reason recorded.
/// </summary>
public sealed record VideoFallback(string Model, string? Unfit = null);
