using StarSend.Testing;

namespace StarSend.Cli.Tests.Export;

/// <summary>A fact that needs ffmpeg and ffprobe: skipped when missing unless STARSEND_REQUIRE_FFMPEG=1 (CI).</summary>
public sealed class FfmpegFactAttribute : FactAttribute
{
    public FfmpegFactAttribute()
    {
        Skip = ExternalTool.SkipReason("STARSEND_REQUIRE_FFMPEG", "ffmpeg", "ffmpeg", "ffprobe");
    }
}
