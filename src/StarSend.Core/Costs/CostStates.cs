namespace StarSend.Core.Costs;

/// <summary>The final money state of a paid call, derived from its execution status.</summary>
public static class CostStates
{
    public const string Charged = "charged";
    public const string MayBeCharged = "may_be_charged";
    public const string PaidResultLost = "paid_result_lost";
    public const string InFlight = "in_flight";
    public const string NotCharged = "not_charged";
    public const string NotSent = "not_sent";

    /// <summary>
    /// complete → charged; may_be_charged and submission_unknown → may_be_charged (fal may bill a 422 after
    /// COMPLETED, and a submit whose answer was lost may have been accepted); paid_result_lost, and expired without a
    /// downloaded output → paid_result_lost; submitted → in_flight; intent → not_sent; failed, cancelled → not_charged.
    /// An unknown status (a newer StarSend) counts as may_be_charged, the side that never under-counts money. A failed
    /// call that kept a cost (<paramref name="costUsd"/> above zero: an answer that may have been billed, such as an
    /// image refusal) is may_be_charged too, as the budget counts it; a call failed unbilled has its cost set to zero.
    /// </summary>
    public static string Of(string status, bool hasOutputs, decimal costUsd = 0) => status switch
    {
        "failed" when costUsd > 0 => MayBeCharged,
        "complete" => Charged,
        "may_be_charged" or "submission_unknown" => MayBeCharged,
        "paid_result_lost" => PaidResultLost,
        "expired" => hasOutputs ? Charged : PaidResultLost,
        "submitted" => InFlight,
        "intent" => NotSent,
        "failed" or "cancelled" => NotCharged,
        _ => MayBeCharged,
    };
}
