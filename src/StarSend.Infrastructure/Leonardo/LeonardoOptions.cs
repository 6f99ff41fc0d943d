using System.Text;
using StarSend.Core.Providers.VideoModels;
using StarSend.Core.Settings;
using StarSend.Infrastructure.Http;

namespace StarSend.Infrastructure.Leonardo;

/// <summary>Where Leonardo is, the key, prices and how patiently to poll. <see cref="ToString"/> never shows the key.</summary>
public sealed record LeonardoOptions
{
    /// <summary>The REST root, e.g. <c>https://cloud.leonardo.ai/api/rest</c>; v1 calls go to <c>/v1/…</c>, v2 to <c>/v2/…</c>.</summary>
    public required Uri BaseUrl { get; init; }

    /// <summary>The API key (<c>LEONARDO_API_KEY</c>), sent as <c>authorization: Bearer</c>. Secret: never logged, printed or stored.</summary>
    public required string Key { get; init; }

    /// <summary>US dollars per second by full model id (<c>leonardo:kling-3.0</c>); overrides the catalog's estimate.</summary>
    public IReadOnlyDictionary<string, decimal> PricesPerSecond { get; init; } = new Dictionary<string, decimal>(StringComparer.Ordinal);

    /// <summary>
    /// First wait between polls of <c>GET /generations/{id}</c>, growing by <see cref="PollGrowth"/> to <see cref="PollMax"/>:
    /// the same adaptive schedule as fal's. [S] clients poll every 4–12 s; video jobs take minutes (providers-2.md §2.6).
    /// </summary>
    public TimeSpan PollInitial { get; init; } = TimeSpan.FromSeconds(0.5);

    public double PollGrowth { get; init; } = 1.5;

    public TimeSpan PollMax { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long to wait for a generation locally; it keeps running at Leonardo and a later run resumes it.</summary>
    public TimeSpan MaxWait { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Deadline for one API call.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long a presigned upload stays valid after <c>POST /init-image</c> answered: "expires in 2 minutes"
    /// ([P] docs "How to upload an image using a presigned URL", providers-2.md §2.2). The POST must finish inside it.
    /// </summary>
    public TimeSpan UploadValidity { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>A download that receives nothing for this long is broken off and resumed.</summary>
    public TimeSpan DownloadIdleTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Connection attempts for a create when nothing could be sent (connect refused, DNS); a sent create is never repeated.</summary>
    public int CreateConnectAttempts { get; init; } = 3;

    public RetrySettings Retry { get; init; } = new();

    /// <summary>Options from starsend.json, with <c>STARSEND_LEONARDO_URL</c> applied by the settings loader and the key from the environment.</summary>
    public static LeonardoOptions FromSettings(ProjectSettings settings, IReadOnlyDictionary<string, string?> environment, bool keyRequired)
    {
        var prices = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (model, price) in settings.VideoPricesPerSecond.Where(p => VideoModelId.IsLeonardo(p.Key)))
        {
            prices[VideoModelId.Parse(model).Full] = price;
        }

        return new LeonardoOptions
        {
            BaseUrl = new Uri(settings.LeonardoUrl),
            Key = LeonardoCredentials.FromEnvironment(environment, keyRequired),
            PricesPerSecond = prices,
        };
    }

    /// <summary>The price per second of <paramref name="caps"/>: the project's setting, else the catalog's.</summary>
    public decimal PriceOf(VideoModelCapabilities caps) =>
        PricesPerSecond.TryGetValue(caps.Id.Full, out var price) ? price : caps.PricePerSecondUsd;

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"BaseUrl = {BaseUrl}, Key = ***, PollInitial = {PollInitial}, PollGrowth = {PollGrowth}, PollMax = {PollMax}, ");
        builder.Append($"MaxWait = {MaxWait}, RequestTimeout = {RequestTimeout}, UploadValidity = {UploadValidity}");
        return true;
    }
}
