using System.Globalization;
using StarSend.Core.Errors;

namespace StarSend.Export.Timeline;

/// <summary>
/// A frame rate as an exact fraction (24/1, 24000/1001...). Every time on an exported timeline is a whole number of
/// frames at this rate, so clip edges are exact in all three formats. Timecodes count frames on <see cref="Timebase"/>
/// (24 for 23.976) and are non-drop-frame.
/// </summary>
public readonly record struct FrameRate(int Numerator, int Denominator)
{
    /// <summary>The rate when the plan names none.</summary>
    public static FrameRate Default { get; } = new(24, 1);

    /// <summary>Frames per second as a number (23.976...).</summary>
    public double PerSecond => (double)Numerator / Denominator;

    /// <summary>The whole frames per second a timecode counts (24 for 23.976, 30 for 29.97).</summary>
    public int Timebase => (int)Math.Round(PerSecond);

    /// <summary>True for the 1001-based NTSC rates.</summary>
    public bool IsNtsc => Denominator == 1001;

    /// <summary>
    /// The rate a plan's <c>fps</c> names: a whole number from 1 to 120, or 23.976, 29.97, 47.952, 59.94 (as 24000/1001...).
    /// </summary>
    /// <exception cref="BadInputException">Any other value, naming the plan field.</exception>
    public static FrameRate FromPlan(double? fps)
    {
        if (fps is null)
        {
            return Default;
        }

        var value = fps.Value;
        if (value >= 1 && value <= 120 && Math.Abs(value - Math.Round(value)) < 1e-9)
        {
            return new FrameRate((int)Math.Round(value), 1);
        }

        foreach (var whole in new[] { 24, 30, 48, 60 })
        {
            if (Math.Abs(value - (whole * 1000.0 / 1001)) < 0.005)
            {
                return new FrameRate(whole * 1000, 1001);
            }
        }

        throw new BadInputException(
            $"client_plan.json $.fps: {value.ToString(CultureInfo.InvariantCulture)} is not a frame rate StarSend can time exactly; use a whole number (24, 25, 30...) or 23.976, 29.97, 59.94");
    }

    /// <summary>The frame nearest to <paramref name="seconds"/>.</summary>
    public long FramesOf(double seconds) => (long)Math.Round(seconds * Numerator / Denominator, MidpointRounding.AwayFromZero);

    /// <summary>Exact seconds of <paramref name="frames"/> frames.</summary>
    public double SecondsOf(long frames) => (double)frames * Denominator / Numerator;

    /// <summary>SMPTE non-drop-frame timecode <c>HH:MM:SS:FF</c> of a frame count on <see cref="Timebase"/>.</summary>
    public string Timecode(long frames)
    {
        var fps = Timebase;
        var ff = frames % fps;
        var totalSeconds = frames / fps;
        return string.Create(CultureInfo.InvariantCulture, $"{totalSeconds / 3600:00}:{totalSeconds / 60 % 60:00}:{totalSeconds % 60:00}:{ff:00}");
    }

    /// <summary>The rate as a number for JSON (24, 23.976023976023978).</summary>
    public override string ToString() => PerSecond.ToString("0.###", CultureInfo.InvariantCulture);
}
