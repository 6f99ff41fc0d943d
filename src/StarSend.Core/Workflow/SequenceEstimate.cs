namespace StarSend.Core.Workflow;

/// <summary>What a batch command would do for one sequence: paid calls (jobs) and their estimated cost in US dollars.</summary>
public sealed record SequenceEstimate(string SequenceId, int Jobs, decimal CostUsd);
