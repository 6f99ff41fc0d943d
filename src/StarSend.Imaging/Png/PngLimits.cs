namespace StarSend.Imaging.Png;

/// <summary>
/// Limits that bound decode time and memory. Every length read from the file is checked against these (and against
/// the bytes actually present) before anything is allocated for it.
/// </summary>
public sealed record PngLimits
{
    public static PngLimits Default { get; } = new();

    public int MaxWidth { get; init; } = 16384;

    public int MaxHeight { get; init; } = 16384;

    public long MaxPixels { get; init; } = 64L * 1024 * 1024;

    /// <summary>Largest single chunk accepted, in bytes.</summary>
    public int MaxChunkLength { get; init; } = 64 * 1024 * 1024;

    /// <summary>Largest PNG file (or buffer) accepted, in bytes.</summary>
    public long MaxInputBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>
    /// Most bytes the image data may inflate to beyond what the header says it needs. They are only checksummed,
    /// never kept; past this the file is rejected as a decompression bomb.
    /// </summary>
    public long MaxTrailingInflatedBytes { get; init; } = 1024 * 1024;
}
