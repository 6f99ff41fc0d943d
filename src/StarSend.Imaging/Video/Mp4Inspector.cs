namespace StarSend.Imaging.Video;

/// <summary>What an MP4 says about itself.</summary>
public sealed record Mp4Info(double DurationS, int Width, int Height, string MajorBrand);

/// <summary>Checks an MP4's structure: <c>ftyp</c> first, a <c>moov</c> with <c>mvhd</c>, and reads its duration.</summary>
public static class Mp4Inspector
{
    /// <summary>Throws <see cref="ImagingException"/> when the file is not a complete MP4.</summary>
    public static Mp4Info Inspect(string path) => throw new NotImplementedException();
}
