namespace StarSend.Core.Steps;

/// <summary>
/// A validated structured answer: its execution id, the JSON text, the file it was kept in, the model, its cost in US
/// dollars (every paid attempt of this run, an invalid first answer included) and whether an earlier run's paid answer was reused.
/// </summary>
public sealed record StructuredResult(string ExecutionId, string Json, string File, string Model, decimal CostUsd, bool Resumed);
