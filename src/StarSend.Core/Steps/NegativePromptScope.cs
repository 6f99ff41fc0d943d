namespace StarSend.Core.Steps;

/// <summary>
/// The negative prompt the video jobs built inside <see cref="Use"/> carry (issue #10: what must stay still plus the
/// standard artefacts), set only by a caller that knows the model accepts one. Flows with the async context like
/// <see cref="VideoModelScope"/>, so the StepRunner stays ignorant of sequences and analyses.
/// </summary>
public static class NegativePromptScope
{
    private static readonly AsyncLocal<string?> _current = new();

    /// <summary>The negative prompt of the innermost <see cref="Use"/>; null outside one.</summary>
    public static string? Current => _current.Value;

    /// <summary>Sets <see cref="Current"/> until the result is disposed.</summary>
    public static IDisposable Use(string? negativePrompt)
    {
        var previous = _current.Value;
        _current.Value = negativePrompt;
        return new Restore(previous);
    }

    private sealed class Restore(string? previous) : IDisposable
    {
        public void Dispose() => _current.Value = previous;
    }
}
