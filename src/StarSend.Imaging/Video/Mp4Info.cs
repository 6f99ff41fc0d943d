namespace StarSend.Imaging.Video;

/// <summary>What an MP4 says about itself.</summary>
/// <param name="DurationS">The movie header's duration in seconds (duration / timescale).</param>
/// <param name="Width">Display width of the first video track, in pixels.</param>
/// <param name="Height">Display height of the first video track, in pixels.</param>
/// <param name="MajorBrand">The ftyp major brand, e.g. "isom".</param>
public sealed record Mp4Info(double DurationS, int Width, int Height, string MajorBrand);
