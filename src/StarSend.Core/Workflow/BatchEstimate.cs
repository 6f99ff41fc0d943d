namespace StarSend.Core.Workflow;

/// <summary>
/// What a batch would do before it starts, for the progress footer: jobs and estimated cost (US dollars) per sequence.
/// Resumed jobs count as jobs (they are waited for) and at their estimate; grid retries are not foreseen.
/// </summary>
public sealed record BatchEstimate(IReadOnlyList<SequenceEstimate> Sequences)
{
    public int Jobs => Sequences.Sum(s => s.Jobs);

    public decimal CostUsd => Sequences.Sum(s => s.CostUsd);

    /// <summary>No foreseen jobs: progress counts sequences only.</summary>
    public static BatchEstimate None(IReadOnlyList<string> sequenceIds) => new([.. sequenceIds.Select(id => new SequenceEstimate(id, 0, 0))]);
}
