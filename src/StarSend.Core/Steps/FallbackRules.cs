using StarSend.Core.Errors;

namespace StarSend.Core.Steps;

/// <summary>
/// When a fallback chain moves on to its next model (seed 002, issue #10). Only an answer that proves the model never
/// took the call moves on, since another model costs money and a job that may have been taken could be paid twice:
/// <list type="bullet">
/// <item>the model is gone: 404/410 model-not-found or a deprecation answer (<see cref="ProviderErrorKind.ModelNotFound"/>;
/// Gemini answers 404 NOT_FOUND "models/x is not found for API version v1beta", providers.md §3.1, §3.6);</item>
/// <item>video: the submit was refused after the retries with proof that nothing was queued
/// (<see cref="ProviderErrorKind.NotAccepted"/>: 429s, or a lost answer the request history shows never arrived), or the
/// connection was never made (<see cref="ProviderErrorKind.Transient"/> on submit: the intent is recorded not charged);</item>
/// <item>image: Gemini answered an error status after the retries (5xx, 429: an error answer makes no image and is not billed).</item>
/// </list>
/// Never: a content refusal (the next model would refuse too, and each try costs money), an answer without an image, a
/// validation answer, a submit whose fate is unknown, a locked account or a dead quota.
/// </summary>
public static class FallbackRules
{
    /// <summary>Why an image call's model may be passed over for the next one, or null when the chain must stop here.</summary>
    public static string? ImageReason(StarSendException failure) => failure switch
    {
        AccountBlockedException => null,
        ProviderException { Kind: ProviderErrorKind.ModelNotFound } gone => Gone(gone),
        // Only an error status proves nothing was made: a 2xx whose body could not be read may have been billed.
        ProviderException { Kind: ProviderErrorKind.Transient, HttpStatus: 408 or 429 or >= 500 } ex => $"failed after the retries (HTTP {ex.HttpStatus}, nothing made or billed): {ex.Message}",
        _ => null,
    };

    /// <summary>Why a video submit's model may be passed over for the next one, or null when the chain must stop here.</summary>
    public static string? VideoReason(StarSendException failure) => failure switch
    {
        AccountBlockedException => null,
        ProviderException { Kind: ProviderErrorKind.ModelNotFound } gone => Gone(gone),
        ProviderException { Kind: ProviderErrorKind.NotAccepted } refused => $"not accepted after the retries (nothing was queued or paid): {refused.Message}",
        ProviderException { Kind: ProviderErrorKind.Transient, PaidJobKept: false } unreachable => $"not reached (nothing was submitted): {unreachable.Message}",
        _ => null,
    };

    /// <summary>A gone model's reason, with the status that said so: <c>gone (HTTP 404): Gemini does not serve …</c>.</summary>
    private static string Gone(ProviderException gone) => gone.HttpStatus is { } status ? $"gone (HTTP {status}): {gone.Message}" : $"gone: {gone.Message}";

    /// <summary>True when the failure says the model itself is gone: later calls of the run skip it without a request.</summary>
    public static bool IsGone(StarSendException failure) => failure is ProviderException { Kind: ProviderErrorKind.ModelNotFound };
}
