namespace StarSend.Core.Settings;

/// <summary><c>starsend.json</c>: optional per-project settings. Every field has a default.</summary>
/// <remarks>
/// The two whole-number settings are constructor parameters so that their defaults hold when the file leaves them out:
/// source-generated JSON metadata (<see cref="Json.StarSendJsonContext"/>) gives a missing init-only value type its
/// <c>default</c>, but a missing constructor parameter its declared default.
/// </remarks>
public sealed record ProjectSettings
{
    /// <summary>Settings with the given whole numbers and every other default.</summary>
    /// <param name="concurrency">See <see cref="Concurrency"/>.</param>
    /// <param name="gridRetries">See <see cref="GridRetries"/>.</param>
    public ProjectSettings(int concurrency = SettingsDefaults.Concurrency, int gridRetries = SettingsDefaults.GridRetries)
    {
        Concurrency = concurrency;
        GridRetries = gridRetries;
    }

    public string VideoModel { get; init => field = value ?? field; } = SettingsDefaults.VideoModel;

    public string ImageModel { get; init => field = value ?? field; } = SettingsDefaults.ImageModel;

    public string ImageFallbackModel { get; init => field = value ?? field; } = SettingsDefaults.ImageFallbackModel;

    /// <summary>
    /// <c>image_models</c>: the image models in the order they are tried (seed 002, issue #10), e.g.
    /// <c>["gemini-3.1-flash-image-preview", "gemini-3-pro-image-preview"]</c>; null when not given (then
    /// <see cref="ImageModel"/> and <see cref="ImageFallbackModel"/> make the chain). The loader sets <see cref="ImageModel"/>
    /// to its first item. The next model is tried only when one is proven not to have taken the call: gone (404/410,
    /// a deprecation answer) or refused after the retries with an answer; never after a content refusal.
    /// </summary>
    public List<string>? ImageModels { get; init; }

    /// <summary>
    /// <c>video_models</c>: the project's video models in the order they are tried; null when not given (then
    /// <see cref="VideoModel"/> alone). The loader sets <see cref="VideoModel"/> to its first item. See
    /// <see cref="VideoModelChain"/>.
    /// </summary>
    public List<string>? VideoModels { get; init; }

    /// <summary>The image models to try, in order: <see cref="ImageModels"/>, else <see cref="ImageModel"/> then <see cref="ImageFallbackModel"/> (when set and different).</summary>
    public IReadOnlyList<string> ImageModelChain() =>
        ImageModels is { Count: > 0 } list ? list
        : string.IsNullOrWhiteSpace(ImageFallbackModel) || string.Equals(ImageFallbackModel, ImageModel, StringComparison.Ordinal) ? [ImageModel]
        : [ImageModel, ImageFallbackModel];

    /// <summary>The project's video models to try, in order: <see cref="VideoModels"/>, else <see cref="VideoModel"/> alone.</summary>
    public IReadOnlyList<string> VideoModelChain() => VideoModels is { Count: > 0 } list ? list : [VideoModel];

    /// <summary>The Gemini vision model of <c>starsend analyze</c> (structured JSON output); default <c>gemini-3.8-flash</c>.</summary>
    public string AnalysisModel { get; init => field = value ?? field; } = SettingsDefaults.AnalysisModel;

    /// <summary>The standard artefacts a negative prompt (<c>generate --animate</c>) starts with; the potential elements not animated follow.</summary>
    public string NegativePromptBase { get; init => field = value ?? field; } = SettingsDefaults.NegativePromptBase;

    /// <summary>
    /// Gemini <c>imageConfig.imageSize</c> for grids and singles: <c>1K</c>, <c>2K</c> (default) or <c>4K</c> (<c>512</c>
    /// on 3.1 Flash Image). At 2K a 16:9 grid is about 2700×1536 px, so a cell is wider than 1280 px; at 1K about 670 px.
    /// </summary>
    public string ImageSize { get; init => field = value ?? field; } = SettingsDefaults.ImageSize;

    /// <summary>How many sequences run at once in batch commands.</summary>
    public int Concurrency { get; init; }

    /// <summary>Project budget in US dollars; null means none.</summary>
    public decimal? BudgetUsd { get; init; }

    /// <summary>Retries of a grid with a stronger prompt before falling back to four composited singles.</summary>
    public int GridRetries { get; init; }

    public string FalQueueUrl { get; init => field = value ?? field; } = SettingsDefaults.FalQueueUrl;

    public string FalRestUrl { get; init => field = value ?? field; } = SettingsDefaults.FalRestUrl;

    public string GeminiUrl { get; init => field = value ?? field; } = SettingsDefaults.GeminiUrl;

    /// <summary>Leonardo's REST root (the v1 and v2 APIs are under it, <c>/v1</c> and <c>/v2</c>).</summary>
    public string LeonardoUrl { get; init => field = value ?? field; } = SettingsDefaults.LeonardoUrl;

    /// <summary>Models this project treats as retired, by id: refused at validation with the date and what to use instead.</summary>
    public Dictionary<string, RetiredVideoModelSetting> RetiredVideoModels { get; init => field = value ?? field; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary><see cref="RetiredVideoModels"/> as the catalog reads them.</summary>
    public IReadOnlyDictionary<string, Providers.VideoModels.RetiredModel> RetiredModels() =>
        RetiredVideoModels.ToDictionary(
            p => p.Key,
            p => new Providers.VideoModels.RetiredModel(p.Key, p.Value.RetiredOn, p.Value.Reason ?? "marked retired in starsend.json", p.Value.UseInstead),
            StringComparer.OrdinalIgnoreCase);

    /// <summary>US dollars per second of video, by endpoint id; overrides <see cref="SettingsDefaults.VideoPricesPerSecond"/>.</summary>
    public Dictionary<string, decimal> VideoPricesPerSecond { get; init => field = value ?? field; } = new(StringComparer.Ordinal);

    /// <summary>US dollars per image, by model id; overrides <see cref="SettingsDefaults.ImagePrices"/>.</summary>
    public Dictionary<string, decimal> ImagePrices { get; init => field = value ?? field; } = new(StringComparer.Ordinal);

    /// <summary>The day the producer checked the prices set here (<c>"2026-11-01"</c>); null when the project uses the built-in table.</summary>
    public DateOnly? PricesCheckedOn { get; init; }
}
