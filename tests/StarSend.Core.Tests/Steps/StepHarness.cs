using Microsoft.Extensions.Time.Testing;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using StarSend.Core.Executions;
using StarSend.Core.Json;
using StarSend.Core.Plans;
using StarSend.Core.Projects;
using StarSend.Core.Providers;
using StarSend.Core.Sequences;
using StarSend.Core.Settings;
using StarSend.Core.Steps;
using StarSend.Core.Workflow;
using StarSend.Emulator;
using StarSend.Infrastructure.Leonardo;
using StarSend.Infrastructure.Video;
using StarSend.Imaging;
using StarSend.Infrastructure.Fal;
using StarSend.Infrastructure.Gemini;
using StarSend.Infrastructure.Http;
using StarSend.Infrastructure.State;
using StarSend.Testing;

namespace StarSend.Core.Tests.Steps;

/// <summary>
/// What ProjectSession composes, built by hand: a copy of projects/demo in a temp folder, the real emulator on loopback
/// whose jobs move on a manual clock, both provider clients pointed at it on the driven clock, and the real state stores.
/// Each <see cref="Steps"/> or <see cref="Runner"/> call builds fresh stores and runners, as a new process would.
/// </summary>
internal sealed class StepHarness : IAsyncDisposable
{
    public const string RunId = "20261122T090000Z-test";

    private readonly List<IDisposable> _owned = [];

    private StepHarness(EmulatorServer emulator, DrivenClock clock, TempDirectory temp)
    {
        Emulator = emulator;
        Clock = clock;
        Temp = temp;
        Paths = new ProjectPaths(temp.Combine("project"));
        CopyDemo(Paths.Root);
        Plan = PlanLoader.Load(Paths.Root).Plan;
        FalOptions = new FalOptions
        {
            QueueUrl = new Uri(emulator.FalQueueUrl),
            RestUrl = new Uri(emulator.FalRestUrl),
            Key = "test-id:test-secret",
            RequestTimeout = TimeSpan.FromMinutes(10),
            UploadTimeout = TimeSpan.FromMinutes(10),
            DownloadIdleTimeout = TimeSpan.FromMinutes(10),
        };
        LeonardoOptions = new LeonardoOptions
        {
            BaseUrl = new Uri(emulator.LeonardoUrl),
            Key = "test-leonardo-key",
            RequestTimeout = TimeSpan.FromMinutes(10),
            DownloadIdleTimeout = TimeSpan.FromMinutes(10),
            UploadValidity = TimeSpan.FromMinutes(10),
        };
        GeminiOptions = new GeminiOptions { BaseUrl = new Uri(emulator.GeminiUrl), ApiKey = "test-gemini-key", RequestTimeout = TimeSpan.FromMinutes(10) };
    }

    public EmulatorServer Emulator { get; }

    public DrivenClock Clock { get; }

    public FakeTimeProvider Fake => Clock.Fake;

    public TempDirectory Temp { get; }

    public ProjectPaths Paths { get; }

    public ClientPlan Plan { get; }

    public ProjectSettings Settings { get; set; } = new();

    public FalOptions FalOptions { get; }

    /// <summary>The Leonardo client's options (the emulator's Leonardo API); the upload validity is a deadline here, not a wait the clock drives.</summary>
    public LeonardoOptions LeonardoOptions { get; }

    public GeminiOptions GeminiOptions { get; }

    /// <summary>The connection pool the providers share.</summary>
    public HttpMessageHandler Connections { get; } = ProviderHttp.CreateConnections();

    /// <summary>Raw calls of the test itself, over the same pool.</summary>
    public HttpClient Http => field ??= new HttpClient(Connections, disposeHandler: false);

    public EmulatorStats Stats => Emulator.GetStats();

    /// <summary>Starts the emulator with <paramref name="latency"/> per fault target, waited on the manual clock.</summary>
    public static async Task<StepHarness> StartAsync(
        string? faults = null, TimeSpan? queueWait = null, TimeSpan? runTime = null, IReadOnlyDictionary<string, TimeSpan>? latency = null)
    {
        var fake = DrivenClock.NewFake();
        var emulator = await EmulatorServer.StartAsync(
            new EmulatorOptions
            {
                Time = fake,
                Faults = faults,
                QueueWait = queueWait ?? TimeSpan.FromSeconds(2),
                RunTime = runTime ?? TimeSpan.FromSeconds(20),
                Latency = latency ?? new Dictionary<string, TimeSpan>(),
            },
            CancellationToken.None);
        return new StepHarness(emulator, new DrivenClock(fake), new TempDirectory());
    }

    public int Requests(string endpoint) => Stats.Requests.GetValueOrDefault(endpoint);

    /// <summary>A new StepRunner over a new ExecutionStore on the same project, as a new run would build it.</summary>
    public StepRunner Steps(Func<StepRunnerOptions, StepRunnerOptions>? configure = null, Func<IVideoProvider, IVideoProvider>? video = null)
    {
        var options = new StepRunnerOptions { VideoModel = Settings.VideoModel, AspectRatio = Plan.AspectRatio, JobConcurrency = 4 };
        // Both providers behind the router, as the CLI builds them: the demo plan puts SEQ06 and SEQ10 on Leonardo (issue #11).
        IVideoProvider routed = new VideoProviderRouter(new FalVideoProvider(Connections, FalOptions, Clock), new LeonardoVideoProvider(Connections, LeonardoOptions, Clock));
        var steps = new StepRunner(
            new ExecutionStore(Paths, TimeProvider.System),
            video?.Invoke(routed) ?? routed,
            new GeminiImageProvider(Connections, GeminiOptions, Clock),
            Clock,
            Serilog.Core.Logger.None,
            configure?.Invoke(options) ?? options);
        _owned.Add(steps);
        return steps;
    }

    public ClientSequenceRunner Runner(StepRunner? steps = null) =>
        new(Plan, Paths, new SequenceStore(Paths, TimeProvider.System), new SequenceLeases(Paths, TimeProvider.System), steps ?? Steps(), Settings, Clock, Serilog.Core.Logger.None, RunId);

    /// <summary>state/executions.json as it is on disk now.</summary>
    public ExecutionsDocument ReadExecutions() =>
        File.Exists(Paths.ExecutionsFile)
            ? JsonSerializer.Deserialize<ExecutionsDocument>(File.ReadAllText(Paths.ExecutionsFile), StarSendJson.Options)!
            : new ExecutionsDocument();

    public ExecutionRecord Execution(string id) => ReadExecutions().Executions[id];

    /// <summary>state/client/sequences.json as it is on disk now.</summary>
    public SequenceRecord Sequence(string id) =>
        JsonSerializer.Deserialize<SequencesDocument>(File.ReadAllText(Paths.SequencesFile), StarSendJson.Options)!.Sequences[id];

    public string ElementFile(string id) => Paths.Full(Plan.FindElement(id)!.Image);

    /// <summary>Elements as the ClientSequenceRunner passes them: the frontal image doubles as the one reference.</summary>
    public IReadOnlyList<ElementImages> Elements(params string[] ids) =>
        [.. ids.Select(id => new ElementImages(id, ElementFile(id), [ElementFile(id)]))];

    /// <summary>A 640x360 PNG start frame whose pixels depend on <paramref name="seed"/>.</summary>
    public string WriteStartFrame(string name, int seed)
    {
        var image = new RgbaImage(640, 360);
        for (var y = 0; y < image.Height; y++)
        {
            var row = image.Row(y);
            for (var x = 0; x < image.Width; x++)
            {
                row[(x * 4) + 0] = (byte)((x + seed * 37) % 256);
                row[(x * 4) + 1] = (byte)((y + seed * 91) % 256);
                row[(x * 4) + 2] = (byte)(seed * 53 % 256);
                row[(x * 4) + 3] = 255;
            }
        }

        Directory.CreateDirectory(Paths.StartFramesDir);
        var path = Path.Combine(Paths.StartFramesDir, name);
        File.WriteAllBytes(path, ImageCodec.EncodePng(image));
        return path;
    }

    /// <summary>The job's status as the emulator tells it now (one extra status request).</summary>
    public async Task<string?> StatusOfAsync(string statusUrl)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, statusUrl);
        request.Headers.Authorization = new AuthenticationHeaderValue("Key", FalOptions.Key);
        using var response = await Http.SendAsync(request);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())?["status"]?.GetValue<string>();
    }

    public string VideoPath(string name) => Path.Combine(Paths.VideosDir, name);

    /// <summary>Shots of a plan sequence as the step takes them.</summary>
    public (IReadOnlyList<ShotSpec> Shots, IReadOnlyList<string> Prompts) ShotsOf(string sequenceId)
    {
        var sequence = Plan.FindSequence(sequenceId)!;
        return ([.. sequence.Shots.Select(s => new ShotSpec(s.Id, s.Duration))], [.. sequence.Shots.Select(s => s.Prompt)]);
    }

    public decimal VideoPrice => FalOptions.PricesPerSecond[Settings.VideoModel];

    /// <summary>Lets real loopback I/O run until <paramref name="condition"/> holds (bounded; no clock moves).</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var start = TimeProvider.System.GetTimestamp();
        while (!condition())
        {
            if (TimeProvider.System.GetElapsedTime(start) > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException($"never happened: {what}");
            }

            await Task.Delay(1);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        Http.Dispose();
        Connections.Dispose();
        await Emulator.DisposeAsync();
        Temp.Dispose();
    }

    private static void CopyDemo(string root)
    {
        var demo = Path.Combine(RepoRoot(), "projects", "demo");
        Directory.CreateDirectory(Path.Combine(root, "elements"));
        File.Copy(Path.Combine(demo, "client_plan.json"), Path.Combine(root, "client_plan.json"));
        foreach (var file in Directory.GetFiles(Path.Combine(demo, "elements")))
        {
            File.Copy(file, Path.Combine(root, "elements", Path.GetFileName(file)));
        }
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "StarSend.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("StarSend.sln not found above the test folder");
    }
}
