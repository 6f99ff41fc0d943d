namespace StarSend.Core.Steps;

/// <summary>
/// The video model a caller's calls use when it is not the project's (a sequence's <c>video_model</c> or
/// <c>generate --model</c>, issue #11), and the models to fall back to after it (<c>video_models</c>, issue #10). Flows
/// with the async context like <see cref="OutputRun"/>, so every video job the StepRunner builds inside
/// <see cref="Use(string?)"/> names that model, without the StepRunner knowing about sequences.
/// </summary>
public static class VideoModelScope
{
    private static readonly AsyncLocal<string?> _current = new();
    private static readonly AsyncLocal<IReadOnlyList<VideoFallback>?> _fallbacks = new();

    /// <summary>The model set by the innermost <see cref="Use(string?)"/> on this async flow; null outside one.</summary>
    public static string? Current => _current.Value;

    /// <summary>The models tried after <see cref="Current"/>, in order, when it is proven not to have taken a job; empty outside a scope that set them.</summary>
    public static IReadOnlyList<VideoFallback> Fallbacks => _fallbacks.Value ?? [];

    /// <summary>Sets <see cref="Current"/> (and no fallbacks) until the result is disposed.</summary>
    public static IDisposable Use(string? model) => Use(model, []);

    /// <summary>Sets <see cref="Current"/> and its <see cref="Fallbacks"/> until the result is disposed.</summary>
    public static IDisposable Use(string? model, IReadOnlyList<VideoFallback> fallbacks)
    {
        var previous = (_current.Value, _fallbacks.Value);
        _current.Value = model;
        _fallbacks.Value = fallbacks;
        return new Restore(previous.Item1, previous.Item2);
    }

    /// <summary>The chain a job walks: <see cref="Current"/> (else <paramref name="projectModel"/>), then <see cref="Fallbacks"/>.</summary>
    public static IReadOnlyList<VideoFallback> Chain(string projectModel) => [new VideoFallback(Current ?? projectModel), .. Fallbacks];

    private sealed class Restore(string? model, IReadOnlyList<VideoFallback>? fallbacks) : IDisposable
    {
        public void Dispose()
        {
            _current.Value = model;
            _fallbacks.Value = fallbacks;
        }
    }
}
