using System.Globalization;
using StarSend.Core.Plans;

namespace StarSend.Core.Workflow;

/// <summary>
/// How an image's shape compares with the aspect ratio the plan asks for. Gemini sometimes answers another shape than
/// asked (a proxy or SDK dropping <c>imageConfig.aspectRatio</c> gives a square: field-log #5), so grids and picked
/// cells are checked, and a start frame Kling cannot take (outside 1:2.5–2.5:1) is refused before anything is paid.
/// </summary>
internal static class CellShape
{
    /// <summary>Relative difference past which a shape is "far" from the one asked (16:9 against 3:2 is 16 %).</summary>
    public const double FarRatio = 0.15;

    /// <summary>The plan's ratio ("16:9") as width / height; 16:9 when it cannot be read.</summary>
    public static double Asked(string aspectRatio)
    {
        var parts = aspectRatio.Split(':');
        return parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var w)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var h) && w > 0 && h > 0
            ? w / h
            : 16d / 9;
    }

    /// <summary>Null when <paramref name="width"/>×<paramref name="height"/> is close to <paramref name="aspectRatio"/>; else what differs.</summary>
    public static string? Difference(int width, int height, string aspectRatio)
    {
        var asked = Asked(aspectRatio);
        var got = (double)width / height;
        return Math.Abs(got - asked) / asked <= FarRatio
            ? null
            : $"{width}x{height} is {got.ToString("0.00", CultureInfo.InvariantCulture)}:1, not the {aspectRatio} asked";
    }

    /// <summary>True when Kling takes the shape as a start frame (1:2.5 to 2.5:1).</summary>
    public static bool KlingTakes(int width, int height)
    {
        var aspect = (double)width / height;
        return aspect is >= PlanLimits.MinAspect and <= PlanLimits.MaxAspect;
    }
}
