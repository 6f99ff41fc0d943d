namespace StarSend.Emulator.Gemini;

/// <summary>Output pixel sizes per aspect ratio at 1K (Google's table), scaled for 512, 2K and 4K.</summary>
internal static class ImageSizes
{
    private static readonly Dictionary<string, (int Width, int Height)> OneK = new()
    {
        ["1:1"] = (1024, 1024),
        ["2:3"] = (832, 1248),
        ["3:2"] = (1248, 832),
        ["3:4"] = (864, 1184),
        ["4:3"] = (1184, 864),
        ["4:5"] = (896, 1152),
        ["5:4"] = (1152, 896),
        ["9:16"] = (768, 1344),
        ["16:9"] = (1344, 768),
        ["21:9"] = (1536, 672),
        ["1:4"] = (512, 2048),
        ["4:1"] = (2048, 512),
        ["1:8"] = (384, 3072),
        ["8:1"] = (3072, 384),
    };

    private static readonly Dictionary<string, double> Scales = new(StringComparer.OrdinalIgnoreCase)
    {
        ["512"] = 0.5,
        ["1K"] = 1,
        ["2K"] = 2,
        ["4K"] = 4,
    };

    public static IEnumerable<string> AspectRatios => OneK.Keys;

    public static IEnumerable<string> Sizes => Scales.Keys;

    public static bool TryGet(string aspectRatio, string imageSize, out int width, out int height)
    {
        width = height = 0;
        if (!OneK.TryGetValue(aspectRatio, out var size) || !Scales.TryGetValue(imageSize, out var scale))
        {
            return false;
        }

        width = (int)(size.Width * scale);
        height = (int)(size.Height * scale);
        return true;
    }
}
