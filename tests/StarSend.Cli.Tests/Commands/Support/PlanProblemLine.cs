namespace StarSend.Cli.Tests.Commands.Support;

/// <summary>One expected <c>Error: client_plan.json PATH: REASON</c> line: the exact path and a fragment of the reason.</summary>
internal sealed record PlanProblemLine(string Path, string Reason);
