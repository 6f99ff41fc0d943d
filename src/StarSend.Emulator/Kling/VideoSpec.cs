namespace StarSend.Emulator.Kling;

/// <summary>What a video job must produce, read from its input.</summary>
/// <param name="DurationS">Seconds of video: the sum of the shots' durations, or <c>duration</c>.</param>
/// <param name="ShotCount">Shots in a multi-shot input, else 1.</param>
/// <param name="StartImageUrl"><c>start_image_url</c> or <c>image_url</c>, when given.</param>
/// <param name="AspectRatio"><c>aspect_ratio</c>, default 16:9.</param>
/// <param name="Prompt">All prompt text, the seed of a stand-in frame.</param>
internal sealed record VideoSpec(int DurationS, int ShotCount, string? StartImageUrl, string AspectRatio, string Prompt);
