namespace StarSend.Core.Steps;

/// <summary>
/// The run id a caller files a call's outputs under, when it is not the invocation's own (a sequence's pass, issue #14).
/// Flows with the async context, so every execution the StepRunner records inside <see cref="Use"/> carries it as
/// <see cref="Executions.ExecutionRecord.PassRunId"/>, without the StepRunner knowing what a pass is.
/// </summary>
public static class OutputRun
{
    private static readonly AsyncLocal<string?> _current = new();

    /// <summary>The run id set by the innermost <see cref="Use"/> on this async flow; null outside one.</summary>
    public static string? Current => _current.Value;

    /// <summary>Sets <see cref="Current"/> until the result is disposed.</summary>
    public static IDisposable Use(string? runId)
    {
        var previous = _current.Value;
        _current.Value = runId;
        return new Restore(previous);
    }

    private sealed class Restore(string? previous) : IDisposable
    {
        public void Dispose() => _current.Value = previous;
    }
}
