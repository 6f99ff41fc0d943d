using StarSend.Core.Plans;

namespace StarSend.Core.Providers.VideoModels;

/// <summary>
/// What one video model takes, declared once in <see cref="VideoModelCatalog"/> (each fact cited there): plan
/// validation, <c>generate --dry-run</c>, the take's mode and the element cap all read it from here.
/// </summary>
public sealed record VideoModelCapabilities
{
    public required VideoModelId Id { get; init; }

    /// <summary>The model id sent on the wire (e.g. <c>kling-3.0</c> in Leonardo's v2 body, <c>MOTION2</c> in v1).</summary>
    public required string WireModel { get; init; }

    /// <summary>Which create call the provider uses: <c>queue</c> (fal), <c>v1</c> (Leonardo generations-image-to-video) or <c>v2</c> (Leonardo generations).</summary>
    public required string CreateApi { get; init; }

    /// <summary>Several shots in one call (<c>multi_prompt</c>); false means one call per shot.</summary>
    public bool MultiShot { get; init; }

    /// <summary>Shots one call takes (1 when <see cref="MultiShot"/> is false).</summary>
    public int MaxShotsPerCall { get; init; } = 1;

    /// <summary>Longest video one call makes, seconds.</summary>
    public required int MaxSecondsPerCall { get; init; }

    public required int MaxElementsWithStartFrame { get; init; }

    public required int MaxElementsWithoutStartFrame { get; init; }

    /// <summary>Whole-second durations one shot may have.</summary>
    public required IReadOnlyList<int> Durations { get; init; }

    /// <summary>Whether a shot may last <paramref name="seconds"/> on this model (one of <see cref="Durations"/>).</summary>
    public bool AllowsDuration(int seconds)
    {
        // A loop, not LINQ: Contains over a list of int is generic code the tool's ReadyToRun image lacks, JIT-compiled in
        // every status (#12).
        foreach (var allowed in Durations)
        {
            if (allowed == seconds)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a negative prompt can be sent.</summary>
    public bool NegativePrompt { get; init; }

    /// <summary>Output resolutions the model offers, in the provider's words; the first is what StarSend asks for.</summary>
    public required IReadOnlyList<string> Resolutions { get; init; }

    /// <summary>Start frame (and element) image limits.</summary>
    public required ImageLimits Images { get; init; }

    /// <summary>Longest prompt, characters.</summary>
    public int MaxPromptCharacters { get; init; } = PlanLimits.MaxPromptCharacters;

    /// <summary>StarSend's estimate in US dollars per second of video; <c>video_prices_per_second</c> in starsend.json overrides it.</summary>
    public required decimal PricePerSecondUsd { get; init; }

    /// <summary>False when no primary source gives the price, so the estimate is a stand-in (see the catalog's notes).</summary>
    public bool PriceConfirmed { get; init; }

    /// <summary>Whether shots can go in one call: multi-shot, within the shot and second caps, no shot with its own start frame.</summary>
    public bool FitsOneCall(PlanSequence sequence) =>
        sequence.Shots.Count >= 1
        && (sequence.Shots.Count == 1 || MultiShot)
        && sequence.Shots.Count <= MaxShotsPerCall
        && sequence.TotalDurationS <= MaxSecondsPerCall
        && sequence.Shots.All(s => !s.OwnStartFrame);

    /// <summary>The element cap for a call with or without a start frame.</summary>
    public int ElementCap(bool withStartFrame) => withStartFrame ? MaxElementsWithStartFrame : MaxElementsWithoutStartFrame;

    /// <summary>The durations in words: "3–15" for a run, "4, 6 or 8" otherwise.</summary>
    public string DurationsText()
    {
        var min = Durations.Min();
        var max = Durations.Max();
        return Durations.Count == max - min + 1 && Durations.Count > 2
            ? $"{min}–{max}"
            : Durations.Count == 1 ? $"{min}" : $"{string.Join(", ", Durations.Take(Durations.Count - 1))} or {Durations[^1]}";
    }
}
