namespace StarSend.Core.Workflow;

/// <summary>One finding of <c>reconcile</c>: what is wrong or was repaired, for which sequence.</summary>
public sealed record ReconcileFinding(string SequenceId, string Finding, bool Repaired);
