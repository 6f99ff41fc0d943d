namespace StarSend.Core.Steps;

/// <summary>
/// One model of an image call's fallback chain and the estimate its intent is recorded (and budget-checked) at, in US
/// dollars. <paramref name="OnlyWhenGone"/>: the chain moves on to this model only when the one before is gone, not after
/// an overload (the implicit <c>image_fallback_model</c>, which worked that way before <c>image_models</c>: a busy
/// Flash must not silently double the price of every grid on Pro).
/// </summary>
public sealed record ImageModelChoice(string Model, decimal EstimateUsd, bool OnlyWhenGone = false);
