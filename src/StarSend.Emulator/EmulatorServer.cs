using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using StarSend.Emulator.Control;
using StarSend.Emulator.Faults;
using StarSend.Emulator.Gemini;
using StarSend.Emulator.Leonardo;
using StarSend.Emulator.Queue;
using StarSend.Emulator.Routing;
using StarSend.Emulator.Storage;

namespace StarSend.Emulator;

/// <summary>
/// A loopback (127.0.0.1 only) server speaking fal.ai's queue, fal storage, Gemini generateContent and Leonardo's REST API, making real
/// PNG grids and H.264 MP4s, injecting faults on request and counting every request (GET /_emulator/stats).
/// </summary>
public sealed class EmulatorServer : IAsyncDisposable
{
    private const long MaxBodyBytes = 256L * 1024 * 1024;

    private readonly WebApplication _app;
    private readonly RequestCounter _counter;
    private readonly FaultBook _faults;
    private readonly CancellationTokenSource _stopping = new();

    private EmulatorServer(WebApplication app, RequestCounter counter, FaultBook faults)
    {
        _app = app;
        _counter = counter;
        _faults = faults;
    }

    /// <summary>Base URL, e.g. http://127.0.0.1:5123 (no trailing slash). Queue, REST and Gemini all live under it.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    public string FalQueueUrl => BaseUrl.ToString().TrimEnd('/');

    public string FalRestUrl => BaseUrl.ToString().TrimEnd('/');

    public string GeminiUrl => BaseUrl.ToString().TrimEnd('/');

    /// <summary>Leonardo's REST root (v1 and v2 under it), for <c>STARSEND_LEONARDO_URL</c>.</summary>
    public string LeonardoUrl => BaseUrl.ToString().TrimEnd('/') + Leonardo.LeonardoEndpoints.RestRoot;

    /// <summary>fal's Platform API (request listing), <c>https://api.fal.ai</c> on the real service.</summary>
    public string FalPlatformUrl => BaseUrl.ToString().TrimEnd('/');

    /// <summary>Starts listening; throws <see cref="FormatException"/> when <see cref="EmulatorOptions.Faults"/> does not parse.</summary>
    public static async Task<EmulatorServer> StartAsync(EmulatorOptions options, CancellationToken cancellationToken)
    {
        var faults = new FaultBook(options.Seed);
        faults.Replace(options.Faults);
        var counter = new RequestCounter();
        var jobs = new JobStore();
        var files = new FileStore();
        var queue = new QueueEndpoints(options, jobs, files, counter);
        var leonardo = new LeonardoRoutes(new LeonardoEndpoints(options, files, counter));
        var router = new Router(queue, new StatusStream(options, queue), new StorageEndpoints(files), new GeminiEndpoint(counter), new RequestListing(options, jobs), leonardo);
        var dispatcher = new Dispatcher(options, router, new ControlEndpoints(counter, faults, jobs), counter, faults);

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Port);
            kestrel.Limits.MaxRequestBodySize = MaxBodyBytes;
            kestrel.AddServerHeader = false;
        });
        var app = builder.Build();
        var server = new EmulatorServer(app, counter, faults);
        app.Run(context => dispatcher.HandleAsync(context, server.FalQueueUrl, server._stopping.Token));
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri($"http://127.0.0.1:{new Uri(address).Port}");
        return server;
    }

    /// <summary>Replaces the fault rules at run time; throws <see cref="FormatException"/> (and keeps the old rules) when <paramref name="spec"/> does not parse.</summary>
    public void SetFaults(string? spec) => _faults.Replace(spec);

    public EmulatorStats GetStats() => _counter.Snapshot();

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}
