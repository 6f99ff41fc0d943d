namespace StarSend.Imaging;

/// <summary>
/// Bounds on what a decode may cost, checked against the file size and the header's dimensions before any pixel is
/// allocated (a 167-byte file can claim 30000×30000 and make a decoder allocate gigabytes).
/// </summary>
public sealed record ImageLimits
{
    public static ImageLimits Default { get; } = new();

    /// <summary>Largest file accepted, in bytes (256 MB).</summary>
    public long MaxBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Widest or tallest side accepted, in pixels.</summary>
    public int MaxSide { get; init; } = 16384;

    /// <summary>Most pixels accepted (64 Mpx: 256 MB of RGBA).</summary>
    public long MaxPixels { get; init; } = 64L * 1024 * 1024;
}
