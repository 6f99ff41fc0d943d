namespace StarSend.Core.Plans;

/// <summary>What the video model accepts, from Kling on fal (shared/research/providers.md §2).</summary>
public static class PlanLimits
{
    /// <summary>Longest prompt Kling takes, in characters (Unicode code points), for <c>prompt</c> and each <c>multi_prompt</c> item (providers-2.md: "max 2500 chars").</summary>
    public const int MaxPromptCharacters = 2500;

    public const int MinShotSeconds = 3;
    public const int MaxShotSeconds = 15;
    public const int MaxShotsPerMultiShot = 6;
    public const int MaxMultiShotSeconds = 15;
    public const int MinImageSide = 300;
    public const double MinAspect = 1 / 2.5;
    public const double MaxAspect = 2.5;
    public const long MaxImageBytes = 50L * 1024 * 1024;
    public const int MaxElementsWithStartFrame = 3;
    public const int MaxElementsWithoutStartFrame = 4;
}
