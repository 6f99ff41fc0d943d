using StarSend.Core.Errors;
using StarSend.Core.Plans;

namespace StarSend.Core.Providers.VideoModels;

/// <summary>
/// The one place where each video model's capabilities are declared, with the source of every fact.
/// Labels as in shared/research: [P] primary (vendor docs, official SDK sources), [S] secondary, [U] unconfirmed;
/// an [U] value is a stand-in chosen on the safe side and says so. Sources: providers.md (fal, Kling) and
/// providers-2.md (§0 Sora, §2 Leonardo, §4 Kling on fal), both read 2026-11-29.
/// </summary>
public static class VideoModelCatalog
{
    /// <summary>
    /// Kling O3 on fal, the default (DESIGN.md). multi_prompt 1–6 shots and ≤ 15 s in all, durations "3"–"15"
    /// (providers.md §2, [P] fal-js endpoints.ts); 3 elements with a start frame, 4 without (DESIGN.md, Elements);
    /// no negative_prompt on O3 (providers-2.md §4, [P] fal-js 2026-08-02); $0.112/s audio off (providers.md §2.8,
    /// [P] llms.txt). Images: ≥ 300 px a side ([P] fal 422 sample, providers.md §1.7), aspect 0.4–2.5 and 50 MB
    /// (providers.md §2, the <c>image_url</c> text; [S] says 10 MB for O3 element images, so StarSend's files stay small).
    /// The resolution is fixed by the endpoint's tier (<c>pro</c>).
    /// </summary>
    private static readonly VideoModelCapabilities KlingO3ProReference = FalKling("fal-ai/kling-video/o3/pro/reference-to-video", 0.112m, elements: true, negativePrompt: false);

    private static readonly VideoModelCapabilities[] Known =
    [
        KlingO3ProReference,
        FalKling("fal-ai/kling-video/o3/standard/reference-to-video", 0.084m, elements: true, negativePrompt: false),

        // O3 image-to-video takes image_url and no elements, negative_prompt or cfg_scale (providers.md §2, [P] endpoints.ts).
        FalKling("fal-ai/kling-video/o3/pro/image-to-video", 0.112m, elements: false, negativePrompt: false),

        // V3 image-to-video: start frame, elements, multi_prompt and negative_prompt together (providers-2.md §4, [P]).
        FalKling("fal-ai/kling-video/v3/pro/image-to-video", 0.112m, elements: true, negativePrompt: true),
        FalKling("fal-ai/kling-video/v3/standard/image-to-video", 0.084m, elements: true, negativePrompt: true),

        // Kling 3.0 on Leonardo's v2 generations (providers-2.md §2.5, [P] docs.leonardo.ai/docs/kling-30):
        // duration 3–15; mode RESOLUTION_720 | RESOLUTION_1080; guidances.start_frame max 1; image_reference (up to 7)
        // only WITHOUT a start frame, so with StarSend's start frame no element can go along. No multi_prompt in the
        // docs read: [U], so one call per shot. negative_prompt for Kling on Leonardo: [U], never sent. Prompt 2500
        // characters: [S] (stated on the Turbo page). Price: [U] per-model Leonardo prices are unpublished; the
        // stand-in is Kling's own 1080p silent rate $0.100/s ([S] HF forum 2026-04-09). Leonardo's own charge comes
        // back in the create answer and is recorded beside it.
        Leonardo("kling-3.0", "v2", durations: Range(3, 15), withoutStartFrame: 7, negativePrompt: false, 0.100m, ["RESOLUTION_1080", "RESOLUTION_720"]),

        // Kling O3 on Leonardo: "the same fields" as Kling 3.0 (providers-2.md §2.5, [P] docs kling-o3), duration 3–15.
        // Price [U]: stand-in Kling's O3 1080p rate with audio $0.125/s ([S] HF forum), the higher one on purpose.
        Leonardo("kling-video-o-3", "v2", durations: Range(3, 15), withoutStartFrame: 7, negativePrompt: false, 0.125m, ["RESOLUTION_1080", "RESOLUTION_720"]),

        // Veo 3.1 on Leonardo's v2 generations: the id is in the v2 request discriminator ([P] OpenAPI v2). Durations
        // [U] for v2: the v1 VEO3 values 4, 6 or 8 ([P] SDK CreateImageToVideoGenerationRequestBody). negative_prompt:
        // [S] third-party code sends it to v2 for veo-3.1 (max 1000 characters). Elements: none with a start frame
        // ([U], as for Kling). Resolutions [U]: the v1 values. Price [U]: stand-in $0.40/s, high on purpose so a budget
        // errs on the safe side until Leonardo's reported cost (kept beside it) says otherwise.
        Leonardo("veo-3.1-generate-001", "v2", durations: [4, 6, 8], withoutStartFrame: 0, negativePrompt: true, 0.40m, ["RESOLUTION_1080", "RESOLUTION_720"]),

        // Motion 2.0 on Leonardo's v1 generations-image-to-video (model MOTION2, the default; [P] SDK). negativePrompt
        // is a v1 field ([P] SDK). v1 `elements` are camera-move LoRAs, not reference images: no elements. Duration [U]:
        // v1 documents durations only for VEO3 and KLING2_5; Motion 2.0 clips are 5 s ([S] Hermes plugin, "200 API
        // tokens per 5-s clip"). Resolution: "acceptable values vary based on model" ([P] SDK), RESOLUTION_720 asked.
        // Price [U]: stand-in $0.08/s.
        Leonardo("MOTION2", "v1", durations: [5], withoutStartFrame: 0, negativePrompt: true, 0.08m, ["RESOLUTION_720", "RESOLUTION_480"]),
    ];

    /// <summary>
    /// OpenAI shut the Sora 2 models and the Videos API down on 2026-09-24 with no direct replacement (providers-2.md
    /// §0, [P] developers.openai.com model page and guide banner; [P] openai-python 721cb1cd). fal's
    /// <c>fal-ai/sora-2/*</c> wrapped OpenAI and left fal-js's endpoint types by 2026-08-02 ([P] fal-js history);
    /// that they stopped on the same date is [U] (no fal statement), so they are treated as retired with it.
    /// </summary>
    private static readonly string[] SoraModels = ["sora-2", "sora-2-pro", "sora-2-2025-10-06", "sora-2-2025-12-08", "sora-2-pro-2025-10-06"];

    private static readonly DateOnly SoraShutdown = new(2026, 9, 24);

    /// <summary>What a retired model's message suggests instead.</summary>
    public const string RetiredReplacement = "leonardo:kling-3.0";

    /// <summary>Every model StarSend declares capabilities for.</summary>
    public static IReadOnlyList<VideoModelCapabilities> All => Known;

    /// <summary>The Leonardo model ids StarSend serves, as written in plans.</summary>
    public static IReadOnlyList<string> LeonardoIds => [.. Known.Where(m => m.Id.Provider == VideoModelId.Leonardo).Select(m => m.Id.Full)];

    /// <summary>
    /// Why <paramref name="id"/> cannot be used (retired, unknown provider, unknown Leonardo model), or null.
    /// <paramref name="retiredBySettings"/> adds models a project marks retired (starsend.json <c>retired_video_models</c>).
    /// </summary>
    public static string? Problem(string id, IReadOnlyDictionary<string, RetiredModel>? retiredBySettings = null)
    {
        if (Retired(id, retiredBySettings) is { } retired)
        {
            return retired.Message;
        }

        var parsed = VideoModelId.Parse(id);
        return parsed.Provider switch
        {
            _ when parsed.Model.Length == 0 => $"video model '{id}' names no model after '{parsed.Provider}:'",
            VideoModelId.Fal => null,
            VideoModelId.Leonardo when Find(id) is null => $"video model '{id}' is not a Leonardo model StarSend knows; use one of {string.Join(", ", LeonardoIds)}",
            VideoModelId.Leonardo => null,
            _ => $"video model '{id}': unknown provider '{parsed.Provider}'; use fal:<endpoint> or one of {string.Join(", ", LeonardoIds)}",
        };
    }

    /// <summary>The retirement that applies to <paramref name="id"/>, or null.</summary>
    public static RetiredModel? Retired(string id, IReadOnlyDictionary<string, RetiredModel>? retiredBySettings = null)
    {
        var trimmed = id.Trim();
        if (retiredBySettings is not null)
        {
            foreach (var (key, retired) in retiredBySettings)
            {
                if (string.Equals(key, trimmed, StringComparison.OrdinalIgnoreCase) || VideoModelId.Parse(key) == VideoModelId.Parse(trimmed))
                {
                    return retired with { Id = trimmed };
                }
            }
        }

        var parsed = VideoModelId.Parse(trimmed);
        var model = parsed.Model.ToLowerInvariant();
        var sora = parsed.Provider is VideoModelId.OpenAi or VideoModelId.Fal && SoraModels.Contains(model);
        var falSora = parsed.Provider == VideoModelId.Fal && model.StartsWith("fal-ai/sora-2/", StringComparison.Ordinal);
        return sora || falSora
            ? new RetiredModel(trimmed, SoraShutdown, "OpenAI shut the Sora 2 Videos API down, with no direct replacement", RetiredReplacement)
            : null;
    }

    /// <summary>The declared capabilities, or null when the model is not declared (an undeclared fal endpoint, see <see cref="For"/>).</summary>
    public static VideoModelCapabilities? Find(string id)
    {
        var parsed = VideoModelId.Parse(id);
        return Known.FirstOrDefault(m => m.Id.Provider == parsed.Provider && string.Equals(m.Id.Model, parsed.Model, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The capabilities of a usable model; throws <see cref="BadInputException"/> with <see cref="Problem"/>'s line.
    /// A fal endpoint not declared here gets Kling's general rules (the fal client checks the endpoint itself).
    /// </summary>
    public static VideoModelCapabilities For(string id, IReadOnlyDictionary<string, RetiredModel>? retiredBySettings = null)
    {
        if (Problem(id, retiredBySettings) is { } problem)
        {
            throw new BadInputException(problem);
        }

        var parsed = VideoModelId.Parse(id);
        return Find(id) ?? KlingO3ProReference with { Id = parsed, WireModel = parsed.Model, PriceConfirmed = false };
    }

    private static VideoModelCapabilities FalKling(string endpoint, decimal price, bool elements, bool negativePrompt) => new()
    {
        Id = new VideoModelId(VideoModelId.Fal, endpoint),
        WireModel = endpoint,
        CreateApi = "queue",
        MultiShot = true,
        MaxShotsPerCall = PlanLimits.MaxShotsPerMultiShot,
        MaxSecondsPerCall = PlanLimits.MaxMultiShotSeconds,
        MaxElementsWithStartFrame = elements ? PlanLimits.MaxElementsWithStartFrame : 0,
        MaxElementsWithoutStartFrame = elements ? PlanLimits.MaxElementsWithoutStartFrame : 0,
        Durations = Range(PlanLimits.MinShotSeconds, PlanLimits.MaxShotSeconds),
        NegativePrompt = negativePrompt,
        Resolutions = [endpoint.Contains("/standard/", StringComparison.Ordinal) ? "standard" : "pro"],
        Images = new ImageLimits(PlanLimits.MaxImageBytes, PlanLimits.MinImageSide, null, PlanLimits.MinAspect, PlanLimits.MaxAspect, ["png", "jpg", "jpeg"]),
        PricePerSecondUsd = price,
        PriceConfirmed = true,
    };

    /// <summary>
    /// A Leonardo model. Images: the init-image upload takes png, jpg, jpeg or webp ([P] SDK UploadInitImageRequestBody);
    /// byte, pixel and aspect caps are [U] (none documented), so Kling's fal limits (300 px, 0.4–2.5) and 10 MB
    /// stand in; the image "should already be scaled to the aspect ratio of the generation" ([P] docs presigned upload).
    /// </summary>
    private static VideoModelCapabilities Leonardo(
        string model, string api, IReadOnlyList<int> durations, int withoutStartFrame, bool negativePrompt, decimal price, IReadOnlyList<string> resolutions) => new()
    {
        Id = new VideoModelId(VideoModelId.Leonardo, model),
        WireModel = model,
        CreateApi = api,
        MultiShot = false,
        MaxShotsPerCall = 1,
        MaxSecondsPerCall = Longest(durations),
        MaxElementsWithStartFrame = 0,
        MaxElementsWithoutStartFrame = withoutStartFrame,
        Durations = durations,
        NegativePrompt = negativePrompt,
        Resolutions = resolutions,
        Images = new ImageLimits(10L * 1024 * 1024, PlanLimits.MinImageSide, 4096L * 4096, PlanLimits.MinAspect, PlanLimits.MaxAspect, ["png", "jpg", "jpeg", "webp"]),
        PricePerSecondUsd = price,
        PriceConfirmed = false,
    };

    // Loops, not Enumerable.Range and Max: generic code over int that the tool's ReadyToRun image lacks, JIT-compiled on
    // every start that reads this catalog, status's included (#12).
    private static int[] Range(int from, int to)
    {
        var durations = new int[to - from + 1];
        for (var i = 0; i < durations.Length; i++)
        {
            durations[i] = from + i;
        }

        return durations;
    }

    private static int Longest(IReadOnlyList<int> durations)
    {
        var longest = 0;
        foreach (var seconds in durations)
        {
            longest = Math.Max(longest, seconds);
        }

        return longest;
    }
}
