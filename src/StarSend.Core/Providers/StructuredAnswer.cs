namespace StarSend.Core.Providers;

/// <summary>The JSON text of a structured answer (the first non-thought text part), the model that answered and the call's cost in US dollars.</summary>
public sealed record StructuredAnswer(string Json, string Model, decimal CostUsd);
