using StarSend.Core.Costs;
using StarSend.Core.Plans;
using StarSend.Core.Sequences;
using StarSend.Core.Settings;

namespace StarSend.Review.ReadModel;

/// <summary>The board's estimate to finish a sequence: <see cref="PriceTable.ToFinish"/>, the same figure <c>status --coverage</c> sums.</summary>
public static class CostEstimate
{
    public static decimal ToFinish(PlanSequence plan, SequenceRecord record, ProjectSettings settings) =>
        new PriceTable(settings).ToFinish(plan, record);
}
