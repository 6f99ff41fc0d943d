using StarSend.Core.Costs;

namespace StarSend.Core.Tests.Costs;

/// <summary>The final money state of a call, as <c>costs</c> shows it, agrees with what the budget counts.</summary>
public sealed class CostStatesTests
{
    [Theory]
    [InlineData("complete", true, 0.07, CostStates.Charged)]
    [InlineData("failed", false, 0.067, CostStates.MayBeCharged)]
    [InlineData("failed", false, 0, CostStates.NotCharged)]
    [InlineData("cancelled", false, 0, CostStates.NotCharged)]
    [InlineData("expired", false, 1.68, CostStates.PaidResultLost)]
    [InlineData("intent", false, 1.68, CostStates.NotSent)]
    [InlineData("from-a-newer-starsend", false, 1.68, CostStates.MayBeCharged)]
    public void Of_StatusAndKeptCost_GiveTheStateTheBudgetAgreesWith(string status, bool hasOutputs, double cost, string expected)
    {
        CostStates.Of(status, hasOutputs, (decimal)cost).Should().Be(expected);
    }
}
