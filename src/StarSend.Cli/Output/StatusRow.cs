using StarSend.Core.Plans;
using StarSend.Core.Sequences;

namespace StarSend.Cli.Output;

/// <summary>One line of <c>status</c>; also its stable JSON shape (snake_case keys, documented in the README).</summary>
internal sealed record StatusRow(
    string Id, string Section, double StartS, double EndS, SequenceState State, int Takes, int? ApprovedTake, decimal CostUsd, string? LastError, string? PassRunId = null)
{
    /// <summary>The row of <paramref name="sequence"/>; <paramref name="ledgerCostUsd"/> is what the execution ledger holds for it (every paid call, recorded on a grid or take or not).</summary>
    public static StatusRow Of(PlanSequence sequence, SequenceRecord? record, decimal ledgerCostUsd) => new(
        sequence.Id,
        sequence.Section,
        sequence.StartS,
        sequence.EndS,
        record?.State ?? SequenceState.NotStarted,
        record?.Takes.Count ?? 0,
        record?.ApprovedTake,
        ledgerCostUsd,
        record?.LastError,
        record?.PassRunId);
}
