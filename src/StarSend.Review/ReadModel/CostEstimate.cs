using StarSend.Core.Plans;
using StarSend.Core.Sequences;
using StarSend.Core.Settings;

namespace StarSend.Review.ReadModel;

/// <summary>
/// The estimated cost to finish a sequence not yet approved (nor omitted): one grid image when it has no grid on
/// disk, and one take at the plan's length when no take is still pending or on hold (no take yet, or every take sent
/// back for a retake). Prices: the project's settings, else the published defaults (SettingsDefaults).
/// </summary>
public static class CostEstimate
{
    /// <summary>Used when a model has no price anywhere: the highest default, so an estimate errs on the high side.</summary>
    private const decimal UnknownVideoPricePerSecond = 0.112m;
    private const decimal UnknownImagePrice = 0.134m;

    public static decimal ToFinish(PlanSequence plan, SequenceRecord record, ProjectSettings settings)
    {
        if (record.Omitted || record.State is SequenceState.Approved or SequenceState.Final)
        {
            return 0;
        }

        var cost = 0m;
        if (!record.Grids.Any(g => g.File is not null))
        {
            cost += settings.ImagePrices.TryGetValue(settings.ImageModel, out var image) || SettingsDefaults.ImagePrices.TryGetValue(settings.ImageModel, out image)
                ? image : UnknownImagePrice;
        }

        var waiting = record.Takes.Any(t => SequenceReview.StatusOf(record, t) is TakeReviewStatus.Pending or TakeReviewStatus.OnHold);
        if (!waiting)
        {
            var perSecond = settings.VideoPricesPerSecond.TryGetValue(settings.VideoModel, out var p) || SettingsDefaults.VideoPricesPerSecond.TryGetValue(settings.VideoModel, out p)
                ? p : UnknownVideoPricePerSecond;
            cost += perSecond * plan.TotalDurationS;
        }

        return Math.Round(cost, 2);
    }
}
