namespace StarSend.Core.Steps;

/// <summary>
/// The video model a caller's calls use when it is not the project's (a sequence's <c>video_model</c> or
/// <c>generate --model</c>, issue #11). Flows with the async context like <see cref="OutputRun"/>, so every video job
/// the StepRunner builds inside <see cref="Use"/> names that model, without the StepRunner knowing about sequences.
/// </summary>
public static class VideoModelScope
{
    private static readonly AsyncLocal<string?> _current = new();

    /// <summary>The model set by the innermost <see cref="Use"/> on this async flow; null outside one.</summary>
    public static string? Current => _current.Value;

    /// <summary>Sets <see cref="Current"/> until the result is disposed.</summary>
    public static IDisposable Use(string? model)
    {
        var previous = _current.Value;
        _current.Value = model;
        return new Restore(previous);
    }

    private sealed class Restore(string? previous) : IDisposable
    {
        public void Dispose() => _current.Value = previous;
    }
}
