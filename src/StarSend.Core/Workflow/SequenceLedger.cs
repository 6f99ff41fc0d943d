using StarSend.Core.Executions;
using StarSend.Core.Plans;

namespace StarSend.Core.Workflow;

/// <summary>
/// What the execution ledger (<c>state/executions.json</c>) holds per sequence: every paid call, including the ones no
/// grid or take records (an image answer without an image, an interrupted call that may have been billed).
/// </summary>
public static class SequenceLedger
{
    /// <summary>
    /// The sequence an execution belongs to: its step id is the sequence id, or the sequence id, <c>_</c> and a suffix
    /// (<c>SEQ01_grid</c>, <c>SEQ08_shot03</c>). The longest matching id wins, so <c>A_B_grid</c> is A_B's, not A's. Null if none.
    /// </summary>
    public static string? SequenceOf(ClientPlan plan, string stepId) =>
        plan.Sequences.Select(s => s.Id)
            .Where(id => stepId == id || stepId.StartsWith(id + "_", StringComparison.Ordinal))
            .MaxBy(id => id.Length);

    /// <summary>US dollars the ledger records per sequence id (sequences without executions are absent).</summary>
    public static IReadOnlyDictionary<string, decimal> CostBySequence(ClientPlan plan, ExecutionsDocument executions)
    {
        var costs = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var e in executions.Executions.Values)
        {
            if (SequenceOf(plan, e.StepId) is { } id)
            {
                costs[id] = costs.GetValueOrDefault(id) + e.ChargedUsd;
            }
        }

        return costs;
    }
}
