namespace StarSend.Emulator.Tests.Media;

/// <summary>A fact that needs ffmpeg: skipped when it is missing, unless <see cref="Ffmpeg.RequireVariable"/> is 1.</summary>
public sealed class FfmpegFactAttribute : FactAttribute
{
    public FfmpegFactAttribute()
    {
        if (!Ffmpeg.IsAvailable && !Ffmpeg.IsRequired)
        {
            Skip = Ffmpeg.SkipReason;
        }
    }
}
