using StarSend.Core.Errors;

namespace StarSend.Core.Plans;

/// <summary>A plan that passed validation, and what the producer should know before paying (per-shot generation, dropped elements).</summary>
public sealed record PlanReport(ClientPlan Plan, IReadOnlyList<PlanProblem> Warnings);
