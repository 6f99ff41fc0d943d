using StarSend.Core.Plans;

namespace StarSend.Core.Elements;

/// <summary>Applies Kling's element cap: 3 with a start frame, 4 without; the sequence's element order is the priority.</summary>
public static class ElementManager
{
    public static int Cap(bool withStartFrame) =>
        withStartFrame ? PlanLimits.MaxElementsWithStartFrame : PlanLimits.MaxElementsWithoutStartFrame;

    /// <summary>Splits the sequence's elements into used and dropped. Ids the plan does not declare are skipped; a repeated id counts once.</summary>
    public static ElementSelection Select(ClientPlan plan, PlanSequence sequence, bool withStartFrame) =>
        Select(plan, sequence, Cap(withStartFrame));

    /// <summary>Splits the sequence's elements at a model's own <paramref name="cap"/> (see <c>VideoModelCapabilities.ElementCap</c>).</summary>
    public static ElementSelection Select(ClientPlan plan, PlanSequence sequence, int cap)
    {
        var elements = sequence.Elements
            .Distinct(StringComparer.Ordinal)
            .Select(plan.FindElement)
            .OfType<PlanElement>()
            .ToList();
        return new ElementSelection([.. elements.Take(cap)], [.. elements.Skip(cap)]);
    }
}
