namespace StarSend.Core.Settings;

/// <summary>Defaults from DESIGN.md and shared/research/providers.md (prices as published in 2026; see the dates there).</summary>
public static class SettingsDefaults
{
    public const string VideoModel = "fal-ai/kling-video/o3/pro/reference-to-video";
    public const string ImageModel = "gemini-3.1-flash-image-preview";
    public const string ImageFallbackModel = "gemini-3-pro-image-preview";
    public const string ImageSize = "2K";

    /// <summary>The vision model of <c>starsend analyze</c> (providers-2.md §3.5: the suggested default for analysis and rewrites).</summary>
    public const string AnalysisModel = "gemini-3.8-flash";

    /// <summary>US dollars per million input tokens of <see cref="AnalysisModel"/> (providers-2.md §3.5: $0.75 through 2026-12-31).</summary>
    public const decimal AnalysisInputPerMillion = 0.75m;

    /// <summary>US dollars per million output tokens, thinking included (providers-2.md §3.5: $3.75 through 2026-12-31).</summary>
    public const decimal AnalysisOutputPerMillion = 3.75m;

    /// <summary>The standard artefacts every negative prompt starts with (seed 003; a setting: <c>negative_prompt_base</c>).</summary>
    public const string NegativePromptBase = "morphing, extra limbs, flicker, face distortion, jump cuts, warping, blurry, watermark, text";

    /// <summary>The estimate of one analysis call recorded before it is paid (providers-2.md §3.5 derives about $0.002; rounded up).</summary>
    public const decimal AnalysisEstimateUsd = 0.005m;

    /// <summary>
    /// The estimate of one feedback rewrite (<c>generate --feedback</c>, a text-only call on <see cref="AnalysisModel"/>)
    /// recorded before it is paid: about 500 input and 500 output tokens, under $0.003 at providers-2.md §3.5's prices; rounded up.
    /// </summary>
    public const decimal FeedbackEstimateUsd = 0.005m;
    public const int Concurrency = 2;
    public const int GridRetries = 2;
    public const string FalQueueUrl = "https://queue.fal.run";
    public const string FalRestUrl = "https://rest.fal.ai";
    public const string GeminiUrl = "https://generativelanguage.googleapis.com";

    /// <summary>Leonardo's REST root: v1 at <c>/v1</c>, v2 at <c>/v2</c> (providers-2.md §2.1, [P] SDK ServerList and OpenAPI v2).</summary>
    public const string LeonardoUrl = "https://cloud.leonardo.ai/api/rest";

    /// <summary>The day the default price table below was last checked against the providers' published prices (providers.md §2.8, §3.7: March 2026).</summary>
    public static DateOnly PricesCheckedOn { get; } = new(2026, 3, 1);

    /// <summary>Audio off, per second of output (providers.md §2.8, llms.txt copies, 2026).</summary>
    public static IReadOnlyDictionary<string, decimal> VideoPricesPerSecond { get; } = new Dictionary<string, decimal>(StringComparer.Ordinal)
    {
        ["fal-ai/kling-video/o3/pro/reference-to-video"] = 0.112m,
        ["fal-ai/kling-video/o3/pro/image-to-video"] = 0.112m,
        ["fal-ai/kling-video/o3/standard/reference-to-video"] = 0.084m,
        ["fal-ai/kling-video/v3/pro/image-to-video"] = 0.112m,
        ["fal-ai/kling-video/v3/standard/image-to-video"] = 0.084m,
    };

    /// <summary>
    /// Image models Google has shut down, with the day (providers.md §3.1: <c>gemini-2.5-flash-image</c> on 2026-10-02, [P]
    /// deprecations page): refused in <c>image_models</c>, since a call to them answers 404 NOT_FOUND.
    /// </summary>
    public static IReadOnlyDictionary<string, DateOnly> RetiredImageModels { get; } = new Dictionary<string, DateOnly>(StringComparer.Ordinal)
    {
        ["gemini-2.5-flash-image"] = new(2026, 10, 2),
    };

    /// <summary>Per 1K image (providers.md §3.7, checked March 2026).</summary>
    public static IReadOnlyDictionary<string, decimal> ImagePrices { get; } = new Dictionary<string, decimal>(StringComparer.Ordinal)
    {
        ["gemini-3.1-flash-image-preview"] = 0.067m,
        ["gemini-3-pro-image-preview"] = 0.134m,
        ["gemini-2.5-flash-image"] = 0.039m,
    };
}
