namespace StarSend.Emulator.Tests.Media;

/// <summary>A theory that needs ffmpeg: skipped when it is missing, unless <see cref="Ffmpeg.RequireVariable"/> is 1.</summary>
public sealed class FfmpegTheoryAttribute : TheoryAttribute
{
    public FfmpegTheoryAttribute()
    {
        if (!Ffmpeg.IsAvailable && !Ffmpeg.IsRequired)
        {
            Skip = Ffmpeg.SkipReason;
        }
    }
}
