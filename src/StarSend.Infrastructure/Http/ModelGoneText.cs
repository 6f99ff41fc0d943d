namespace StarSend.Infrastructure.Http;

/// <summary>
/// Recognises a provider's answer that a model is gone, whatever its status. Sources: Gemini answers a retired id with
/// 404 NOT_FOUND "models/x is not found for API version v1beta, or is not supported for generateContent"
/// (providers.md §3.1, §3.6); relays answered Sora after its shutdown with "model not found" (providers-2.md §0);
/// OpenAI's deprecation notices read "deprecated and will shut down" / "no longer available". How fal answers an
/// endpoint it withdrew (404 or 410, a flat <c>detail</c> or a list) is unconfirmed [U], so both statuses and every
/// body shape are read, and the words decide for statuses other than 404/410.
/// </summary>
internal static class ModelGoneText
{
    private static readonly string[] Phrases =
    [
        "deprecated",
        "no longer available",
        "no longer supported",
        "no longer served",
        "has been retired",
        "was retired",
        "has been shut down",
        "was shut down",
        "model not found",
        "model_not_found",
        "is not found for api version",
    ];

    /// <summary>True when <paramref name="detail"/> says the model is deprecated, retired or not found.</summary>
    public static bool Says(string? detail) =>
        detail is not null && Phrases.Any(p => detail.Contains(p, StringComparison.OrdinalIgnoreCase));
}
