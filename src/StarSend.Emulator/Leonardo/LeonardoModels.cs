namespace StarSend.Emulator.Leonardo;

/// <summary>
/// The models the emulated Leonardo serves, their durations and what it bills per second (an emulator rate, not a
/// published price: Leonardo publishes none per model, providers-2.md §2.7). v2 ids from the docs and the v2
/// discriminator, v1 ids from the SDK enum (providers-2.md §2.3, §2.5).
/// </summary>
internal static class LeonardoModels
{
    private static readonly Dictionary<string, (int[] Durations, int Default, decimal RatePerSecond)> V2 = new(StringComparer.Ordinal)
    {
        ["kling-3.0"] = (Range(3, 15), 5, 0.098m),
        ["kling-3.0-turbo"] = (Range(3, 15), 5, 0.07m),
        ["kling-video-o-3"] = (Range(3, 15), 5, 0.12m),
        ["kling-4.0"] = (Range(3, 30), 5, 0.15m),
        ["veo-3.1-generate-001"] = ([4, 6, 8], 8, 0.375m),
        ["motion_2.0"] = ([5], 5, 0.075m),
    };

    private static readonly Dictionary<string, (int[] Durations, int Default, decimal RatePerSecond)> V1 = new(StringComparer.Ordinal)
    {
        ["MOTION2"] = ([5], 5, 0.075m),
        ["MOTION2FAST"] = ([5], 5, 0.05m),
        ["VEO3"] = ([4, 6, 8], 8, 0.375m),
        ["VEO3FAST"] = ([4, 6, 8], 8, 0.2m),
        ["KLING2_1"] = ([5, 10], 5, 0.09m),
        ["KLING2_5"] = ([5, 10], 5, 0.09m),
    };

    public static (int[] Durations, int Default, decimal RatePerSecond)? FindV2(string model) => V2.TryGetValue(model, out var m) ? m : null;

    public static (int[] Durations, int Default, decimal RatePerSecond)? FindV1(string model) => V1.TryGetValue(model, out var m) ? m : null;

    public static IEnumerable<string> V2Ids => V2.Keys;

    public static IEnumerable<string> V1Ids => V1.Keys;

    private static int[] Range(int from, int to) => [.. Enumerable.Range(from, to - from + 1)];
}
