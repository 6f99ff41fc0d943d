using StarSend.Core.Plans;

namespace StarSend.Core.Elements;

/// <summary>The elements a video call sends, in priority order, and the ones Kling's cap leaves out.</summary>
public sealed record ElementSelection(IReadOnlyList<PlanElement> Used, IReadOnlyList<PlanElement> Dropped);
