using System.CommandLine;
using StarSend.Cli.Output;
using StarSend.Core.Errors;
using StarSend.Core.Settings;
using StarSend.Export.RoughCut;
using StarSend.Infrastructure.Doctor;

namespace StarSend.Cli.Commands;

/// <summary>
/// <c>starsend doctor</c>: everything worth knowing before money is spent, one line per check (<c>ok</c>, <c>warn</c>,
/// <c>FAIL</c>); exit 0 when nothing failed, 1 otherwise. Keys are reported present or missing, never shown.
/// </summary>
internal static class DoctorCommand
{
    /// <summary>Models the providers have retired (DESIGN.md, Providers).</summary>
    private static readonly Dictionary<string, string> Retired = new(StringComparer.Ordinal) { ["gemini-2.5-flash-image"] = "2026-10-02" };

    private static readonly string[] Browsers = ["chromium", "chromium-browser", "google-chrome"];

    /// <summary>Bytes per second of a downloaded 1080p Kling take, and per grid with its cells, for the disk estimate.</summary>
    private const long VideoBytesPerSecond = 4L * 1024 * 1024;
    private const long GridBytes = 12L * 1024 * 1024;

    public static Command Create(CommandRunner runner)
    {
        var command = new Command("doctor", "Check keys, providers, models, prices, disk, element images, tools and state before spending");
        command.SetAction((parseResult, ct) => runner.RunAsync(parseResult, "doctor", async (context, token) =>
        {
            var lines = new List<(string Level, string Check, string Detail)>();
            var env = context.Host.Environment;
            bool Has(string name) => !string.IsNullOrWhiteSpace(env.GetValueOrDefault(name));
            lines.Add(Has("FAL_KEY") || (Has("FAL_KEY_ID") && Has("FAL_KEY_SECRET"))
                ? ("ok", "fal.ai key", "present")
                : ("FAIL", "fal.ai key", "missing: set FAL_KEY (or FAL_KEY_ID and FAL_KEY_SECRET)"));
            lines.Add(Has("GEMINI_API_KEY") ? ("ok", "Gemini key", "present") : ("FAIL", "Gemini key", "missing: set GEMINI_API_KEY"));

            ProjectSession? session = null;
            try
            {
                session = ProjectSession.Open(context);
                lines.Add(("ok", "plan", $"{session.Plan.Sequences.Count} sequences valid; element images within Kling's limits"));
            }
            catch (PlanInvalidException ex)
            {
                lines.AddRange(ex.Problems.Select(p => ("FAIL", p.Path.EndsWith(".video_model", StringComparison.Ordinal) ? "video model" : "plan", $"{p.Path}: {p.Reason}")));
            }
            catch (StarSendException ex)
            {
                lines.Add(("FAIL", "project", ex.Message));
            }

            var settings = session?.Settings ?? TrySettings(context, lines);
            if (settings is not null)
            {
                var leonardoUsers = DoctorModelChecks.LeonardoUsers(settings, context.Paths.PlanFile);
                lines.AddRange(DoctorModelChecks.LeonardoKey(env, leonardoUsers));
                await ProvidersAsync(settings, leonardoUsers.Count > 0, lines, token);
                Models(settings, lines);
                if (session is not null)
                {
                    lines.AddRange(DoctorModelChecks.SequenceModels(session.Plan, settings, context.Paths.Root));
                }

                var age = PricesCommand.AgeDays(PricesCommand.CheckedOn(settings), context.Time);
                lines.Add(age > PricesCommand.StaleAfterDays
                    ? ("warn", "prices", $"checked {age} days ago (over {PricesCommand.StaleAfterDays}): check the pricing pages, set prices and prices_checked_on in starsend.json")
                    : ("ok", "prices", $"checked {age} days ago"));
            }

            if (session is not null)
            {
                await StateAsync(context, session, lines, token);
                Disk(context, session, lines);
                session.Dispose();
            }

            lines.Add(MediaTools.FindFfmpegFolder(env.GetValueOrDefault("PATH")) is not null
                ? ("ok", "ffmpeg", "present (roughcut)")
                : ("warn", "ffmpeg", $"missing; only roughcut needs it: {MediaTools.InstallHint}"));
            lines.Add(Browsers.Any(b => MediaTools.FindOnPath(env.GetValueOrDefault("PATH"), b))
                ? ("ok", "chromium", "present (board and dailies pages' browser checks)")
                : ("warn", "chromium", "missing; only the pages' browser checks need it (apt-get install chromium)"));

            var failed = lines.Count(l => l.Level == "FAIL");
            if (context.Json)
            {
                await JsonOutput.WriteAsync(context.Out, new { Ok = failed == 0, Checks = lines.Select(l => new { l.Level, l.Check, l.Detail }) });
            }
            else
            {
                await context.Out.WriteAsync(TextTable.Render(["", "CHECK", "DETAIL"], lines.Select(l => (IReadOnlyList<string>)[l.Level, l.Check, l.Detail])));
                await context.Out.WriteLineAsync(failed == 0 ? "doctor: ready" : $"doctor: {failed} problem(s) to fix before spending");
            }

            return failed == 0 ? ExitCodes.Ok : ExitCodes.Unexpected;
        }, ct, readOnly: true));
        return command;
    }

    private static ProjectSettings? TrySettings(RunContext context, List<(string, string, string)> lines)
    {
        try
        {
            return SettingsLoader.Load(context.Paths, context.Host.Environment);
        }
        catch (BadInputException ex)
        {
            lines.Add(("FAIL", "settings", ex.Message.Replace('\n', ';')));
            return null;
        }
    }

    private static async Task ProvidersAsync(ProjectSettings settings, bool leonardo, List<(string, string, string)> lines, CancellationToken token)
    {
        using var http = new HttpClient();
        var timeout = TimeSpan.FromSeconds(5);
        var fal = new Uri(new Uri(settings.FalQueueUrl.TrimEnd('/') + "/"), $"{settings.VideoModel}/requests/00000000-0000-0000-0000-000000000000/status");
        var (falStatus, falProblem) = await ProviderProbe.GetAsync(http, fal, "Authorization", $"Key {ProviderProbe.DummyKey}", timeout, token);
        lines.Add(Reach("fal.ai queue", settings.FalQueueUrl, falStatus, falProblem, [401, 403]));
        var gemini = new Uri(new Uri(settings.GeminiUrl.TrimEnd('/') + "/"), "v1beta/models");
        var (geminiStatus, geminiProblem) = await ProviderProbe.GetAsync(http, gemini, "x-goog-api-key", ProviderProbe.DummyKey, timeout, token);
        lines.Add(Reach("Gemini", settings.GeminiUrl, geminiStatus, geminiProblem, [400, 401, 403]));
        if (leonardo)
        {
            // A generation that cannot exist, asked with a dummy key: Leonardo answers its auth error, nothing is created.
            var generation = new Uri(new Uri(settings.LeonardoUrl.TrimEnd('/') + "/"), "v1/generations/00000000-0000-0000-0000-000000000000");
            var (leonardoStatus, leonardoProblem) = await ProviderProbe.GetAsync(http, generation, "authorization", $"Bearer {ProviderProbe.DummyKey}", timeout, token);
            lines.Add(Reach("Leonardo", settings.LeonardoUrl, leonardoStatus, leonardoProblem, [401, 403]));
        }
    }

    private static (string, string, string) Reach(string name, string url, int? status, string? problem, int[] authErrors) =>
        status is null ? ("FAIL", name, $"{url} unreachable: {problem}")
        : authErrors.Contains(status.Value) ? ("ok", name, $"{url} answers (HTTP {status} to a dummy key, the expected auth error)")
        : status >= 500 ? ("warn", name, $"{url} answers HTTP {status}: the provider may be having trouble")
        : ("ok", name, $"{url} answers (HTTP {status} to a dummy key; the real provider answers {string.Join("/", authErrors)})");

    /// <summary>Every model of the project's chains (<c>video_models</c>, <c>image_models</c>, or the single settings), in the order they are tried.</summary>
    private static void Models(ProjectSettings settings, List<(string, string, string)> lines)
    {
        var videos = settings.VideoModelChain();
        for (var i = 0; i < videos.Count; i++)
        {
            var video = videos[i];
            var name = i == 0 ? "video model" : $"video fallback {i}";
            var catalog = Core.Providers.VideoModels.VideoModelCatalog.Problem(video, settings.RetiredModels());
            lines.Add(catalog is not null ? ("FAIL", name, catalog)
                : settings.VideoPricesPerSecond.ContainsKey(video) || SettingsDefaults.VideoPricesPerSecond.ContainsKey(video) || Core.Providers.VideoModels.VideoModelCatalog.Find(video) is not null
                ? ("ok", name, video)
                : ("FAIL", name, $"{video} is unknown (no price): set video_prices_per_second for it in starsend.json"));
        }

        var images = settings.ImageModelChain();
        for (var i = 0; i < images.Count; i++)
        {
            var image = images[i];
            var name = i == 0 ? "image model" : $"image fallback {i}";
            lines.Add(Retired.TryGetValue(image, out var since) ? ("FAIL", name, $"{image} was retired on {since}: use {SettingsDefaults.ImageModel}")
                : settings.ImagePrices.ContainsKey(image) || SettingsDefaults.ImagePrices.ContainsKey(image) ? ("ok", name, image)
                : ("FAIL", name, $"{image} is unknown (no price): set image_prices for it in starsend.json"));
        }
    }

    private static async Task StateAsync(RunContext context, ProjectSession session, List<(string, string, string)> lines, CancellationToken token)
    {
        try
        {
            await session.Sequences.ReadAsync(token);
            await session.Executions.ReadAsync(token);
            lines.Add(("ok", "state files", "sequences.json and executions.json read with a known schema"));
        }
        catch (StarSendException ex)
        {
            lines.Add(("FAIL", "state files", ex.Message));
        }

        var holder = Path.Combine(context.Paths.StateDir, "project.lock.holder");
        lines.Add(LockState(holder, context.Time));
    }

    private static (string, string, string) LockState(string holderFile, TimeProvider time)
    {
        if (!File.Exists(holderFile))
        {
            return ("ok", "lock", "free");
        }

        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(holderFile));
            var pid = doc.RootElement.GetProperty("pid").GetInt32();
            var host = doc.RootElement.TryGetProperty("host", out var h) ? h.GetString() : null;
            var alive = !string.Equals(host, Environment.MachineName, StringComparison.OrdinalIgnoreCase) || ProcessAlive(pid);
            return alive ? ("ok", "lock", $"held by pid {pid}{(host is null ? string.Empty : $" on {host}")}") : ("warn", "lock", $"stale: pid {pid} is gone; the next command takes the lock over");
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException or IOException)
        {
            return ("ok", "lock", "free");
        }
    }

    private static bool ProcessAlive(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void Disk(RunContext context, ProjectSession session, List<(string, string, string)> lines)
    {
        var plan = session.Plan;
        var expected = plan.Sequences.Sum(s => (s.TotalDurationS * VideoBytesPerSecond) + GridBytes);
        var free = new DriveInfo(Path.GetPathRoot(context.Paths.Root)!).AvailableFreeSpace;
        lines.Add(free >= expected
            ? ("ok", "disk", $"{free / (1024 * 1024)} MB free for about {expected / (1024 * 1024)} MB of media")
            : ("FAIL", "disk", $"{free / (1024 * 1024)} MB free, about {expected / (1024 * 1024)} MB of media expected"));
    }
}
