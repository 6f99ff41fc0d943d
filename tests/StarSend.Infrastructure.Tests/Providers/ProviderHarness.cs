using StarSend.Core.Providers;
using StarSend.Emulator;
using StarSend.Infrastructure.Fal;
using StarSend.Infrastructure.Gemini;
using StarSend.Infrastructure.Http;
using StarSend.Testing;

namespace StarSend.Infrastructure.Tests.Providers;

/// <summary>The real emulator on loopback, a driven clock shared with it, and both provider clients pointed at it.</summary>
internal sealed class ProviderHarness : IAsyncDisposable
{
    public const string Model = "fal-ai/kling-video/o3/pro/reference-to-video";

    private ProviderHarness(EmulatorServer emulator, DrivenClock clock, HttpMessageHandler connections, FalOptions fal, GeminiOptions gemini)
    {
        Emulator = emulator;
        Clock = clock;
        Connections = connections;
        Http = new HttpClient(connections, disposeHandler: false);
        FalOptions = fal;
        GeminiOptions = gemini;
        Fal = new FalVideoProvider(connections, fal, clock);
        Gemini = new GeminiImageProvider(connections, gemini, clock);
    }

    public EmulatorServer Emulator { get; }

    public DrivenClock Clock { get; }

    /// <summary>The connection pool the provider clients share.</summary>
    public HttpMessageHandler Connections { get; }

    /// <summary>Raw calls of the test itself, over the same pool.</summary>
    public HttpClient Http { get; }

    public FalOptions FalOptions { get; }

    public GeminiOptions GeminiOptions { get; }

    public FalVideoProvider Fal { get; }

    public GeminiImageProvider Gemini { get; }

    public TempDirectory Temp { get; } = new();

    public static async Task<ProviderHarness> StartAsync(
        string? faults = null,
        TimeSpan? queueWait = null,
        TimeSpan? runTime = null,
        Func<FalOptions, FalOptions>? fal = null,
        Func<GeminiOptions, GeminiOptions>? gemini = null)
    {
        var fake = DrivenClock.NewFake();
        var emulator = await EmulatorServer.StartAsync(
            new EmulatorOptions
            {
                Time = fake,
                Faults = faults,
                QueueWait = queueWait ?? TimeSpan.FromSeconds(2),
                RunTime = runTime ?? TimeSpan.FromSeconds(20),
            },
            CancellationToken.None);
        var falOptions = new FalOptions
        {
            QueueUrl = new Uri(emulator.FalQueueUrl),
            RestUrl = new Uri(emulator.FalRestUrl),
            Key = "test-id:test-secret",
            RequestTimeout = TimeSpan.FromMinutes(10),
            UploadTimeout = TimeSpan.FromMinutes(10),
            DownloadIdleTimeout = TimeSpan.FromMinutes(10),
        };
        var geminiOptions = new GeminiOptions
        {
            BaseUrl = new Uri(emulator.GeminiUrl),
            ApiKey = "test-gemini-key",
            RequestTimeout = TimeSpan.FromMinutes(10),
        };
        return new ProviderHarness(emulator, new DrivenClock(fake), ProviderHttp.CreateConnections(), fal?.Invoke(falOptions) ?? falOptions, gemini?.Invoke(geminiOptions) ?? geminiOptions);
    }

    public static VideoJob Job(int seconds = 5, string? startImageUrl = null) => new()
    {
        Model = Model,
        StartImageUrl = startImageUrl,
        Shots = [new ShotPrompt("the singer walks the pier at dawn", seconds)],
    };

    public int Requests(string endpoint) => Emulator.GetStats().Requests.GetValueOrDefault(endpoint);

    /// <summary>Submits without faults on the way, then sets <paramref name="faults"/> for what follows.</summary>
    public async Task<VideoJobHandle> SubmitThenFaultAsync(string faults, VideoJob? job = null)
    {
        var handle = await Fal.SubmitAsync(job ?? Job(), CancellationToken.None);
        Emulator.SetFaults(faults);
        return handle;
    }

    public Task<VideoJobResult> WaitAsync(VideoJobHandle handle, List<JobProgress>? reports = null, TimeSpan? fireDeadlineAfter = null) =>
        Clock.RunAsync(Fal.WaitForResultAsync(handle, reports is null ? null : new ListProgress(reports), CancellationToken.None), fireDeadlineAfter);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        Connections.Dispose();
        await Emulator.DisposeAsync();
        Temp.Dispose();
    }

    /// <summary>Collects progress synchronously (Progress&lt;T&gt; would post to the thread pool and race the assertions).</summary>
    private sealed class ListProgress(List<JobProgress> reports) : IProgress<JobProgress>
    {
        public void Report(JobProgress value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
