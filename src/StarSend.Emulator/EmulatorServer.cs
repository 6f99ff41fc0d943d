namespace StarSend.Emulator;

/// <summary>
/// A loopback (127.0.0.1 only) server speaking fal.ai's queue, fal storage and Gemini generateContent, making real
/// PNG grids and H.264 MP4s, injecting faults on request and counting every request (GET /_emulator/stats).
/// </summary>
public sealed class EmulatorServer : IAsyncDisposable
{
    private EmulatorServer()
    {
    }

    /// <summary>Base URL, e.g. http://127.0.0.1:5123 (no trailing slash). Queue, REST and Gemini all live under it.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    public string FalQueueUrl => BaseUrl.ToString().TrimEnd('/');

    public string FalRestUrl => BaseUrl.ToString().TrimEnd('/');

    public string GeminiUrl => BaseUrl.ToString().TrimEnd('/');

    public static Task<EmulatorServer> StartAsync(EmulatorOptions options, CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <summary>Replaces the fault rules at run time.</summary>
    public void SetFaults(string? spec) => throw new NotImplementedException();

    public EmulatorStats GetStats() => throw new NotImplementedException();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
