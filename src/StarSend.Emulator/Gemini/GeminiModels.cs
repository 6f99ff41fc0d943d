namespace StarSend.Emulator.Gemini;

/// <summary>The image models the emulator serves, and the retired one that answers 404.</summary>
internal static class GeminiModels
{
    public static IReadOnlySet<string> Known { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "gemini-3.1-flash-image-preview",
        "gemini-3-pro-image-preview",

        // Text and vision models with structured output (providers-2.md §3.5).
        "gemini-3.8-flash",
        "gemini-3.5-flash-lite",
        "gemini-4-argon",
    };

    public static IReadOnlyDictionary<string, string> Retired { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["gemini-2.5-flash-image"] = "This model was retired on 2026-10-02; use gemini-3.1-flash-image-preview.",
        ["gemini-2.5-flash-image-preview"] = "This model was retired on 2025-10-31; use gemini-3.1-flash-image-preview.",
    };
}
