namespace StarSend.Core.Providers;

/// <summary>
/// A model of a fallback chain (<c>image_models</c>, <c>video_models</c>) that did not make the result, and why: gone
/// (404/410, a deprecation answer), not accepted after the retries, or unfit for the job (capabilities). Kept on the
/// execution that was sent next, on the grid and on the take, e.g.
/// <c>{"model": "gemini-3.1-flash-image-preview", "reason": "gone: Gemini does not serve …", "execution_id": "SEQ01_grid#1"}</c>.
/// </summary>
/// <param name="Model">The model id as configured.</param>
/// <param name="Reason">One line: why it was passed over.</param>
public sealed record ModelSkip(string Model, string Reason)
{
    /// <summary>The execution that tried it (its intent was recorded, nothing was paid); null when it was skipped unsent (known gone this run, or unfit).</summary>
    public string? ExecutionId { get; init; }
}
