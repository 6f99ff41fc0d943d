namespace StarSend.Core.Providers.VideoModels;

/// <summary>
/// A video model named with its provider: <c>fal:fal-ai/kling-video/o3/pro/reference-to-video</c>,
/// <c>leonardo:kling-3.0</c>. An id without a provider prefix is a fal endpoint id (what starsend.json held before
/// there was a second provider), so existing projects keep working.
/// </summary>
public sealed record VideoModelId(string Provider, string Model)
{
    public const string Fal = "fal";
    public const string Leonardo = "leonardo";
    public const string OpenAi = "openai";

    /// <summary>The id as written in plans, settings and execution records: <c>provider:model</c>.</summary>
    public string Full => $"{Provider}:{Model}";

    public override string ToString() => Full;

    /// <summary>Splits <c>provider:model</c>; a bare id is fal's. Never throws: an unknown provider is reported by the catalog.</summary>
    public static VideoModelId Parse(string id)
    {
        var text = id.Trim();
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return new VideoModelId(Fal, text);
        }

        return new VideoModelId(text[..colon].ToLowerInvariant(), text[(colon + 1)..]);
    }

    /// <summary>True when <paramref name="id"/> names a Leonardo model (<c>leonardo:</c> prefix).</summary>
    public static bool IsLeonardo(string id) => Parse(id).Provider == Leonardo;
}
