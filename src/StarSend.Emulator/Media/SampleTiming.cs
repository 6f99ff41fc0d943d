namespace StarSend.Emulator.Media;

/// <summary>
/// How a duration becomes frames: the media timescale is fps × 1000, each frame lasts 1000 ticks and the last one
/// is shortened when needed, so the track lasts exactly the requested time (to 1/(fps × 1000) s).
/// </summary>
internal sealed record SampleTiming(int Fps, int FrameCount, uint TotalTicks)
{
    public const uint FrameTicks = 1000;

    /// <summary>The movie header counts milliseconds.</summary>
    public const uint MovieTimescale = 1000;

    public const double MaxDurationS = 3600;

    public uint MediaTimescale => (uint)Fps * FrameTicks;

    public uint LastFrameTicks => TotalTicks - ((uint)(FrameCount - 1) * FrameTicks);

    public uint MovieDuration => (uint)Math.Round((double)TotalTicks * MovieTimescale / MediaTimescale);

    public static SampleTiming For(double durationS, int fps)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fps);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fps, 240);
        if (!double.IsFinite(durationS) || durationS <= 0 || durationS > MaxDurationS)
        {
            throw new ArgumentOutOfRangeException(nameof(durationS), durationS, $"A video lasts more than 0 and at most {MaxDurationS} s.");
        }

        var totalTicks = (uint)Math.Max(1, Math.Round(durationS * fps * FrameTicks));
        var frameCount = (int)((totalTicks + FrameTicks - 1) / FrameTicks);
        return new SampleTiming(fps, frameCount, totalTicks);
    }
}
