using System.Text;
using StarSend.Core.Settings;
using StarSend.Infrastructure.Http;

namespace StarSend.Infrastructure.Gemini;

/// <summary>Where Gemini is, the key, models and prices. <see cref="ToString"/> never shows the key.</summary>
public sealed record GeminiOptions
{
    public required Uri BaseUrl { get; init; }

    /// <summary>The Gemini API key. Secret: never logged, printed or stored.</summary>
    public required string ApiKey { get; init; }

    public string Model { get; init; } = SettingsDefaults.ImageModel;

    /// <summary>Tried once when <see cref="Model"/> is not served (404); null for none.</summary>
    public string? FallbackModel { get; init; } = SettingsDefaults.ImageFallbackModel;

    /// <summary>US dollars per 1K image, by model id; a call is priced from its image tokens at this price per <see cref="TokensPerImage"/>.</summary>
    public IReadOnlyDictionary<string, decimal> ImagePrices { get; init; } = SettingsDefaults.ImagePrices;

    /// <summary>Output tokens Google counts for one 1K image (providers.md §3.7).</summary>
    public int TokensPerImage { get; init; } = 1290;

    /// <summary><c>["IMAGE"]</c>, or <c>["TEXT","IMAGE"]</c> to let the model talk as well.</summary>
    public IReadOnlyList<string> ResponseModalities { get; init; } = ["IMAGE"];

    /// <summary>
    /// <c>1K</c>, <c>2K</c> or <c>4K</c> for the 3.x models; null leaves the model's default (1K). Projects get
    /// <c>image_size</c> from starsend.json, 2K by default.
    /// </summary>
    public string? ImageSize { get; init; }

    /// <summary>Deadline for one generateContent call; image models take tens of seconds.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromMinutes(3);

    public RetrySettings Retry { get; init; } = new() { MaxRetries = 4 };

    /// <summary>Options from <c>starsend.json</c>, with <c>STARSEND_GEMINI_URL</c> and <c>GEMINI_API_KEY</c> from the environment.</summary>
    public static GeminiOptions FromSettings(ProjectSettings settings, IReadOnlyDictionary<string, string?> environment)
    {
        var prices = new Dictionary<string, decimal>(SettingsDefaults.ImagePrices, StringComparer.Ordinal);
        foreach (var (model, price) in settings.ImagePrices)
        {
            prices[model] = price;
        }

        var url = environment.TryGetValue("STARSEND_GEMINI_URL", out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : settings.GeminiUrl;
        return new GeminiOptions
        {
            BaseUrl = new Uri(url),
            ApiKey = GeminiCredentials.FromEnvironment(environment),
            Model = settings.ImageModel,
            FallbackModel = string.IsNullOrWhiteSpace(settings.ImageFallbackModel) ? null : settings.ImageFallbackModel,
            ImageSize = settings.ImageSize,
            ImagePrices = prices,
        };
    }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"BaseUrl = {BaseUrl}, ApiKey = ***, Model = {Model}, FallbackModel = {FallbackModel}, ");
        builder.Append($"ResponseModalities = [{string.Join(", ", ResponseModalities)}], ImageSize = {ImageSize}, RequestTimeout = {RequestTimeout}");
        return true;
    }
}
