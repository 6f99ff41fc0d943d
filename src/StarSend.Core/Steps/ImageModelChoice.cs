namespace StarSend.Core.Steps;

/// <summary>One model of an image call's fallback chain and the estimate its intent is recorded (and budget-checked) at, in US dollars.</summary>
public sealed record ImageModelChoice(string Model, decimal EstimateUsd);
