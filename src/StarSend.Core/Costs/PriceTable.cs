using StarSend.Core.Plans;
using StarSend.Core.Providers.VideoModels;
using StarSend.Core.Sequences;
using StarSend.Core.Settings;

namespace StarSend.Core.Costs;

/// <summary>
/// The prices every estimate shown to a producer is computed from, in US dollars: the project's <c>starsend.json</c>
/// first, then the built-in table (<see cref="SettingsDefaults"/>), then the video model catalog's declared price
/// (Leonardo's models, <see cref="VideoModelCatalog"/>). A model priced nowhere gets the highest built-in price, so
/// an estimate errs on the high side. One table for the board, <c>status --coverage</c> and <c>prices</c>, so they
/// cannot disagree.
/// </summary>
public sealed class PriceTable(ProjectSettings settings)
{
    /// <summary>Per second of video for a model priced nowhere: the highest built-in price (Kling O3/V3 Pro on fal).</summary>
    public const decimal UnknownVideoPerSecond = 0.112m;

    /// <summary>Per image for a model priced nowhere: the highest built-in 1K price (Gemini 3 Pro Image).</summary>
    public const decimal UnknownImage = 0.134m;

    /// <summary>
    /// US dollars per second of video for <paramref name="modelId"/> (a fal endpoint id, bare or <c>fal:</c>-prefixed,
    /// or <c>leonardo:MODEL</c>). Settings are keyed as written there: fal endpoints bare, Leonardo models prefixed.
    /// </summary>
    public decimal VideoPerSecond(string modelId)
    {
        var id = VideoModelId.Parse(modelId);
        string[] keys = [modelId.Trim(), id.Full, id.Model];
        foreach (var key in keys)
        {
            if (settings.VideoPricesPerSecond.TryGetValue(key, out var own) || SettingsDefaults.VideoPricesPerSecond.TryGetValue(key, out own))
            {
                return own;
            }
        }

        return VideoModelCatalog.Find(modelId)?.PricePerSecondUsd ?? UnknownVideoPerSecond;
    }

    /// <summary>US dollars per generated image of <paramref name="model"/> (one grid is one image).</summary>
    public decimal Image(string model) =>
        settings.ImagePrices.TryGetValue(model, out var price) || SettingsDefaults.ImagePrices.TryGetValue(model, out price) ? price : UnknownImage;

    /// <summary>
    /// The estimated cost to finish one sequence, rounded to cents: 0 when it is approved, final or omitted; otherwise
    /// one grid when it has none on disk, plus one take at the plan's length on the sequence's own video model (its
    /// <c>video_model</c>, else the project's) when no take is waiting for review (pending or on hold).
    /// </summary>
    public decimal ToFinish(PlanSequence sequence, SequenceRecord? record, bool omitted = false)
    {
        record ??= new SequenceRecord { Id = sequence.Id };
        if (omitted || record.Omitted || record.State is SequenceState.Approved or SequenceState.Final)
        {
            return 0;
        }

        var cost = record.Grids.Any(g => g.File is not null) ? 0m : Image(settings.ImageModel);
        var waiting = record.Takes.Any(t => SequenceReview.StatusOf(record, t) is TakeReviewStatus.Pending or TakeReviewStatus.OnHold);
        if (!waiting)
        {
            cost += VideoPerSecond(SequenceModelCheck.ModelFor(sequence, settings.VideoModel)) * sequence.TotalDurationS;
        }

        return Math.Round(cost, 2);
    }
}
