namespace StarSend.Core.Providers.VideoModels;

/// <summary>
/// What a provider itself says a call cost, as it said it: Leonardo's create answer carries
/// <c>cost: {amount, unit}</c> with unit <c>DOLLARS</c> (pay-as-you-go) or <c>CREDITS</c> (providers-2.md §2.3, [P] SDK).
/// Kept beside StarSend's own estimate, never instead of it.
/// </summary>
public sealed record ReportedCost(decimal Amount, string Unit)
{
    /// <summary>The amount in US dollars when the unit is dollars, else null (credits have no published dollar rate).</summary>
    public decimal? Usd => string.Equals(Unit, "DOLLARS", StringComparison.OrdinalIgnoreCase) ? Amount : null;

    public override string ToString() => Usd is { } usd ? $"${usd:0.###}" : $"{Amount:0.###} {Unit.ToLowerInvariant()}";
}
