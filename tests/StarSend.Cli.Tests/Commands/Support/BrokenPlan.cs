namespace StarSend.Cli.Tests.Commands.Support;

/// <summary>How to break the demo plan in a project folder, and every problem (JSON path, fragment of the reason) that must be reported.</summary>
internal sealed record BrokenPlan(Action<string> Break, IReadOnlyList<PlanProblemLine> Problems);
