using System.Text;
using StarSend.Core.Settings;
using StarSend.Infrastructure.Http;

namespace StarSend.Infrastructure.Fal;

/// <summary>Where fal.ai is, the key, prices, and how patiently to poll. <see cref="ToString"/> never shows the key.</summary>
public sealed record FalOptions
{
    public required Uri QueueUrl { get; init; }

    public required Uri RestUrl { get; init; }

    /// <summary>
    /// fal's Platform API (<c>https://api.fal.ai</c>, providers.md §1.1), where the request history of a lost submit is
    /// looked up. From <c>STARSEND_FAL_PLATFORM_URL</c>; otherwise the REST URL when that is not fal's own (the emulator
    /// serves every fal API on one origin), else fal's.
    /// </summary>
    public Uri? PlatformUrl { get; init; }

    /// <summary><see cref="PlatformUrl"/>, or when unset fal's own for fal's REST host and the REST origin for any other (the emulator).</summary>
    public Uri PlatformApi => PlatformUrl
        ?? (string.Equals(RestUrl.Host, new Uri(SettingsDefaults.FalRestUrl).Host, StringComparison.OrdinalIgnoreCase)
            ? new Uri(DefaultPlatformUrl)
            : new Uri(RestUrl.GetLeftPart(UriPartial.Authority)));

    /// <summary>The fal key (<c>key_id:key_secret</c>). Secret: never logged, printed or stored.</summary>
    public required string Key { get; init; }

    /// <summary>US dollars per second of video, by endpoint id.</summary>
    public IReadOnlyDictionary<string, decimal> PricesPerSecond { get; init; } = SettingsDefaults.VideoPricesPerSecond;

    /// <summary>First wait between status polls; each wait grows by <see cref="PollGrowth"/> up to <see cref="PollMax"/>.</summary>
    public TimeSpan PollInitial { get; init; } = TimeSpan.FromSeconds(0.5);

    public double PollGrowth { get; init; } = 1.5;

    public TimeSpan PollMax { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long to wait for a job before giving up locally; the job keeps running and a later run resumes it.</summary>
    public TimeSpan MaxWait { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Deadline for one API call (submit, status, result, cancel, upload initiate).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Deadline for the PUT of one uploaded file.</summary>
    public TimeSpan UploadTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>A download that receives nothing for this long is broken off and resumed.</summary>
    public TimeSpan DownloadIdleTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// fal's server-side time-to-start deadline (<c>x-fal-request-timeout</c>): a job still queued after this fails with
    /// UserTimeout instead of starting late. Null (the default) sends none.
    /// </summary>
    public TimeSpan? StartTimeout { get; init; }

    /// <summary>Connection attempts for a submit when nothing could be sent (connect refused, DNS); a sent submit is never repeated.</summary>
    public int SubmitConnectAttempts { get; init; } = 3;

    public RetrySettings Retry { get; init; } = new();

    /// <summary>Options from <c>starsend.json</c>, with <c>STARSEND_FAL_QUEUE_URL</c>/<c>STARSEND_FAL_REST_URL</c> and the key from the environment.</summary>
    public static FalOptions FromSettings(ProjectSettings settings, IReadOnlyDictionary<string, string?> environment)
    {
        var prices = new Dictionary<string, decimal>(SettingsDefaults.VideoPricesPerSecond, StringComparer.Ordinal);
        foreach (var (model, price) in settings.VideoPricesPerSecond)
        {
            prices[model] = price;
        }

        var rest = new Uri(Override(environment, "STARSEND_FAL_REST_URL") ?? settings.FalRestUrl);
        var platform = Override(environment, PlatformUrlVariable);
        return new FalOptions
        {
            QueueUrl = new Uri(Override(environment, "STARSEND_FAL_QUEUE_URL") ?? settings.FalQueueUrl),
            RestUrl = rest,
            PlatformUrl = platform is null ? null : new Uri(platform),
            Key = FalCredentials.FromEnvironment(environment),
            PricesPerSecond = prices,
        };
    }

    /// <summary>fal's Platform API host.</summary>
    public const string DefaultPlatformUrl = "https://api.fal.ai";

    /// <summary>Environment variable that points the request-history lookup at another Platform API host.</summary>
    public const string PlatformUrlVariable = "STARSEND_FAL_PLATFORM_URL";

    private static string? Override(IReadOnlyDictionary<string, string?> environment, string name) =>
        environment.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"QueueUrl = {QueueUrl}, RestUrl = {RestUrl}, Key = ***, PollInitial = {PollInitial}, PollGrowth = {PollGrowth}, PollMax = {PollMax}, ");
        builder.Append($"MaxWait = {MaxWait}, RequestTimeout = {RequestTimeout}, Models priced = {PricesPerSecond.Count}");
        return true;
    }
}
