using StarSend.Core.Providers;
using StarSend.Imaging;
using StarSend.Infrastructure.Leonardo;
using StarSend.Infrastructure.Tests.Providers;
using StarSend.Testing;

namespace StarSend.Infrastructure.Tests.Leonardo;

/// <summary>
/// The real Leonardo client against the emulator's Leonardo API over loopback, on the provider harness's fake time.
/// Its clock treats waits under a minute as waits, so the 2-minute upload deadline stays a deadline while retries and
/// polls are driven.
/// </summary>
internal sealed class LeonardoHarness : IAsyncDisposable
{
    public const string Key = "test-leonardo-key-5f0c";

    private LeonardoHarness(ProviderHarness inner, Func<LeonardoOptions, LeonardoOptions>? configure)
    {
        Inner = inner;
        Clock = new DrivenClock(inner.Clock.Fake) { DeadlineFloor = TimeSpan.FromMinutes(1) };
        Options = new LeonardoOptions
        {
            BaseUrl = new Uri(inner.Emulator.LeonardoUrl),
            Key = Key,
            RequestTimeout = TimeSpan.FromMinutes(10),
            DownloadIdleTimeout = TimeSpan.FromMinutes(10),
        };
        Options = configure?.Invoke(Options) ?? Options;
        Leonardo = new LeonardoVideoProvider(inner.Connections, Options, Clock, Log.Logger);
    }

    public ProviderHarness Inner { get; }

    public DrivenClock Clock { get; }

    public LeonardoOptions Options { get; }

    public LeonardoVideoProvider Leonardo { get; }

    public LogCapture Log { get; } = new();

    public static async Task<LeonardoHarness> StartAsync(string? faults = null, Func<LeonardoOptions, LeonardoOptions>? configure = null) =>
        new(await ProviderHarness.StartAsync(faults, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(20)), configure);

    public int Requests(string endpoint) => Inner.Requests(endpoint);

    /// <summary>A real PNG start frame (640×360) in the temp folder.</summary>
    public string StartFrame(string name = "start.png", int width = 640, int height = 360)
    {
        var image = new RgbaImage(width, height);
        var pixels = image.Pixels;
        for (var i = 0; i < pixels.Length; i += 4)
        {
            pixels[i] = (byte)(i / 4 % width);
            pixels[i + 1] = (byte)(i / 4 / width);
            pixels[i + 2] = 90;
            pixels[i + 3] = 255;
        }

        var path = Inner.Temp.Combine(name);
        File.WriteAllBytes(path, name.EndsWith(".jpg", StringComparison.Ordinal) ? ImageCodec.EncodeJpeg(image) : ImageCodec.EncodePng(image));
        return path;
    }

    public static VideoJob Job(string model, string initImageId, int seconds = 5) => new()
    {
        Model = model,
        StartImageUrl = initImageId,
        Shots = [new ShotPrompt("the singer walks the pier at dawn", seconds)],
    };

    /// <summary>Uploads a start frame and submits one shot on <paramref name="model"/>.</summary>
    public async Task<VideoJobHandle> SubmitAsync(string model, int seconds = 5)
    {
        var id = await Leonardo.UploadForAsync(model, StartFrame(), "image/png", CancellationToken.None);
        return await Leonardo.SubmitAsync(Job(model, id, seconds), CancellationToken.None);
    }

    public Task<VideoJobResult> WaitAsync(VideoJobHandle handle) =>
        Clock.RunAsync(Leonardo.WaitForResultAsync(handle, null, CancellationToken.None));

    public async ValueTask DisposeAsync() => await Inner.DisposeAsync();
}
