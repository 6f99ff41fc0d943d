namespace StarSend.Core.Settings;

/// <summary><c>starsend.json</c>: optional per-project settings. Every field has a default.</summary>
public sealed record ProjectSettings
{
    public string VideoModel { get; init; } = SettingsDefaults.VideoModel;

    public string ImageModel { get; init; } = SettingsDefaults.ImageModel;

    public string ImageFallbackModel { get; init; } = SettingsDefaults.ImageFallbackModel;

    /// <summary>The Gemini vision model of <c>starsend analyze</c> (structured JSON output); default <c>gemini-3.8-flash</c>.</summary>
    public string AnalysisModel { get; init; } = SettingsDefaults.AnalysisModel;

    /// <summary>The standard artefacts a negative prompt (<c>generate --animate</c>) starts with; the potential elements not animated follow.</summary>
    public string NegativePromptBase { get; init; } = SettingsDefaults.NegativePromptBase;

    /// <summary>
    /// Gemini <c>imageConfig.imageSize</c> for grids and singles: <c>1K</c>, <c>2K</c> (default) or <c>4K</c> (<c>512</c>
    /// on 3.1 Flash Image). At 2K a 16:9 grid is about 2700×1536 px, so a cell is wider than 1280 px; at 1K about 670 px.
    /// </summary>
    public string ImageSize { get; init; } = SettingsDefaults.ImageSize;

    /// <summary>How many sequences run at once in batch commands.</summary>
    public int Concurrency { get; init; } = SettingsDefaults.Concurrency;

    /// <summary>Project budget in US dollars; null means none.</summary>
    public decimal? BudgetUsd { get; init; }

    /// <summary>Retries of a grid with a stronger prompt before falling back to four composited singles.</summary>
    public int GridRetries { get; init; } = SettingsDefaults.GridRetries;

    public string FalQueueUrl { get; init; } = SettingsDefaults.FalQueueUrl;

    public string FalRestUrl { get; init; } = SettingsDefaults.FalRestUrl;

    public string GeminiUrl { get; init; } = SettingsDefaults.GeminiUrl;

    /// <summary>Leonardo's REST root (the v1 and v2 APIs are under it, <c>/v1</c> and <c>/v2</c>).</summary>
    public string LeonardoUrl { get; init; } = SettingsDefaults.LeonardoUrl;

    /// <summary>Models this project treats as retired, by id: refused at validation with the date and what to use instead.</summary>
    public Dictionary<string, RetiredVideoModelSetting> RetiredVideoModels { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary><see cref="RetiredVideoModels"/> as the catalog reads them.</summary>
    public IReadOnlyDictionary<string, Providers.VideoModels.RetiredModel> RetiredModels() =>
        RetiredVideoModels.ToDictionary(
            p => p.Key,
            p => new Providers.VideoModels.RetiredModel(p.Key, p.Value.RetiredOn, p.Value.Reason ?? "marked retired in starsend.json", p.Value.UseInstead),
            StringComparer.OrdinalIgnoreCase);

    /// <summary>US dollars per second of video, by endpoint id; overrides <see cref="SettingsDefaults.VideoPricesPerSecond"/>.</summary>
    public Dictionary<string, decimal> VideoPricesPerSecond { get; init; } = new(StringComparer.Ordinal);

    /// <summary>US dollars per image, by model id; overrides <see cref="SettingsDefaults.ImagePrices"/>.</summary>
    public Dictionary<string, decimal> ImagePrices { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The day the producer checked the prices set here (<c>"2026-11-01"</c>); null when the project uses the built-in table.</summary>
    public DateOnly? PricesCheckedOn { get; init; }
}
