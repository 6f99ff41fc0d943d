using StarSend.Core.Errors;
using StarSend.Core.Executions;
using StarSend.Core.Plans;
using StarSend.Core.Providers;
using StarSend.Core.Settings;
using StarSend.Core.Steps;
using StarSend.Core.Workflow;
using StarSend.Infrastructure.Fal;
using StarSend.Infrastructure.Gemini;
using StarSend.Infrastructure.Http;
using StarSend.Infrastructure.Leonardo;
using StarSend.Infrastructure.State;
using StarSend.Infrastructure.Video;

namespace StarSend.Cli;

/// <summary>
/// The composition root of a project command: the validated plan, settings, state stores and (when asked) the
/// providers and runners. Keys are read here, from the environment, and go nowhere else but the provider clients.
/// </summary>
internal sealed class ProjectSession : IDisposable
{
    private readonly RunContext _context;
    private readonly List<IDisposable> _owned = [];

    private ProjectSession(RunContext context, PlanReport report, ProjectSettings settings)
    {
        _context = context;
        Report = report;
        Settings = settings;
        Sequences = new SequenceStore(context.Paths, context.Time);
        Executions = new ExecutionStore(context.Paths, context.Time);
    }

    public PlanReport Report { get; }

    public ClientPlan Plan => Report.Plan;

    public IReadOnlyList<PlanProblem> Warnings => Report.Warnings;

    public ProjectSettings Settings { get; }

    public SequenceStore Sequences { get; }

    public ExecutionStore Executions { get; }

    /// <summary>Opens the project; <paramref name="images"/> says how far the plan check looks into element images (read-only views pass <see cref="ElementImageDepth.Presence"/>).</summary>
    public static ProjectSession Open(RunContext context, ElementImageDepth images = ElementImageDepth.Headers) =>
        Open(context, ProjectDocuments.Load(context.Paths, context.Host.Environment, images));

    /// <summary>Opens the project on a plan and settings already read (<see cref="ProjectDocuments"/>).</summary>
    public static ProjectSession Open(RunContext context, ProjectDocuments documents) => new(context, documents.Report, documents.Settings);

    public ClientSequenceRunner CreateRunner(SessionOptions options)
    {
        var env = _context.Host.Environment;
        var connections = ProviderHttp.CreateConnections();
        _owned.Add(connections);
        var video = CreateVideoProvider(connections, env, options.NeedsFal);
        var images = CreateImageProvider(connections, env, options.NeedsGemini);
        var steps = new StepRunner(Executions, video, images, _context.Time, _context.Log, new StepRunnerOptions
        {
            VideoModel = Settings.VideoModel,
            AspectRatio = Plan.AspectRatio,
            BudgetUsd = Settings.BudgetUsd,
            AllowResubmit = options.AllowResubmit,
            PayAgainForLost = options.PayAgain,
            JobConcurrency = Settings.Concurrency,
        });
        _owned.Add(steps);
        return new ClientSequenceRunner(Plan, _context.Paths, Sequences, new SequenceLeases(_context.Paths, _context.Time), steps, Settings, _context.Time, _context.Log, _context.RunId);
    }

    /// <summary>The structured (vision/text) model of <c>analyze</c>: Gemini with the project's <c>analysis_model</c>; needs <c>GEMINI_API_KEY</c>.</summary>
    public IStructuredModel CreateStructuredModel()
    {
        var connections = ProviderHttp.CreateConnections();
        _owned.Add(connections);
        var options = GeminiOptions.FromSettings(Settings, _context.Host.Environment) with { RequestTimeout = TimeSpan.FromMinutes(2) };
        return new GeminiStructuredModel(connections, options, _context.Time, SettingsDefaults.AnalysisInputPerMillion, SettingsDefaults.AnalysisOutputPerMillion, _context.Log);
    }

    /// <summary>Asks fal to cancel every job of this project still in flight (Ctrl+C with --cancel-remote).</summary>
    public async Task CancelInFlightAsync()
    {
        using var connections = ProviderHttp.CreateConnections();
        var video = CreateVideoProvider(connections, _context.Host.Environment, required: true);
        var doc = await Executions.ReadAsync(CancellationToken.None);
        foreach (var e in doc.Executions.Values.Where(e => e is { Status: ExecutionStatus.Submitted, ResultUrl: null }))
        {
            var outcome = await video.CancelAsync(new VideoJobHandle(e.RequestId!, e.Model, e.StatusUrl!, e.ResponseUrl!, e.CancelUrl!), CancellationToken.None);
            await _context.Error.WriteLineAsync($"{e.StepId}: cancel request {e.RequestId}: {outcome}");
        }
    }

    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }
    }

    /// <summary>
    /// The video port: fal and Leonardo behind one router, chosen per job by its model id. Leonardo's key is asked for
    /// only when a Leonardo model is used (its client answers "set LEONARDO_API_KEY" then), so fal-only projects need none.
    /// </summary>
    private VideoProviderRouter CreateVideoProvider(HttpMessageHandler http, IReadOnlyDictionary<string, string?> env, bool required) =>
        new(CreateFalProvider(http, env, required), new LeonardoVideoProvider(http, LeonardoOptions.FromSettings(Settings, env, keyRequired: false), _context.Time, _context.Log));

    /// <summary>Commands that pay need the key now; others get a client that would answer "key missing" if it were ever used.</summary>
    private FalVideoProvider CreateFalProvider(HttpMessageHandler connections, IReadOnlyDictionary<string, string?> env, bool required)
    {
        FalOptions options;
        try
        {
            options = FalOptions.FromSettings(Settings, env);
        }
        catch (ProviderException) when (!required)
        {
            options = FalOptions.FromSettings(Settings, new Dictionary<string, string?>(env, StringComparer.Ordinal) { ["FAL_KEY"] = "not-set" });
        }

        return new FalVideoProvider(connections, options, _context.Time, _context.Log);
    }

    private GeminiImageProvider CreateImageProvider(HttpMessageHandler connections, IReadOnlyDictionary<string, string?> env, bool required)
    {
        GeminiOptions options;
        try
        {
            options = GeminiOptions.FromSettings(Settings, env);
        }
        catch (ProviderException) when (!required)
        {
            options = GeminiOptions.FromSettings(Settings, new Dictionary<string, string?>(env, StringComparer.Ordinal) { ["GEMINI_API_KEY"] = "not-set" });
        }

        return new GeminiImageProvider(connections, options, _context.Time, _context.Log);
    }
}
