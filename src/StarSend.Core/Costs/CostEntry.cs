namespace StarSend.Core.Costs;

/// <summary>
/// One paid call's three money figures: <see cref="EstimateUsd"/> (computed from the price table before sending),
/// <see cref="ReportedUsd"/> (what the provider said it charged, when its API says: Leonardo's <c>cost</c>, fal's billed
/// units), and <see cref="FinalState"/>.
/// </summary>
public sealed record CostEntry
{
    public required string ExecutionId { get; init; }

    public required string StepId { get; init; }

    /// <summary>The plan sequence the call was for; null when no plan sequence matches the step.</summary>
    public string? Sequence { get; init; }

    public string? Section { get; init; }

    /// <summary>"take 2", "grid 1", or "unrecorded" for a paid call no take or grid records (yet).</summary>
    public required string Take { get; init; }

    public required string Model { get; init; }

    /// <summary>The execution's status as stored (<c>complete</c>, <c>may_be_charged</c>...).</summary>
    public required string Status { get; init; }

    public required decimal EstimateUsd { get; init; }

    public decimal? ReportedUsd { get; init; }

    /// <summary><c>charged</c>, <c>may_be_charged</c>, <c>paid_result_lost</c>, <c>in_flight</c>, <c>not_charged</c> or <c>not_sent</c>.</summary>
    public required string FinalState { get; init; }

    /// <summary>True when the budget counts this call as spent (charged, may be charged, lost after payment, or in flight).</summary>
    public bool CountsAsSpent => FinalState is CostStates.Charged or CostStates.MayBeCharged or CostStates.PaidResultLost or CostStates.InFlight;

    /// <summary>The best figure of what it cost: the provider's when reported, else the estimate; 0 when not charged.</summary>
    public decimal SpentUsd => CountsAsSpent ? ReportedUsd ?? EstimateUsd : 0m;
}
