using System.IO.Compression;

namespace StarSend.Imaging.Png;

public sealed record PngEncodeOptions
{
    public static PngEncodeOptions Default { get; } = new();

    public CompressionLevel Level { get; init; } = CompressionLevel.Fastest;

    public PngFilter Filter { get; init; } = PngFilter.Paeth;

    /// <summary>How zlib looks for repeats; run-length only suits filtered photos (see the measurements above).</summary>
    public ZLibCompressionStrategy Strategy { get; init; } = ZLibCompressionStrategy.RunLengthEncoding;

    /// <summary>Drop the alpha channel when every pixel is opaque (smaller, faster files).</summary>
    public bool DropOpaqueAlpha { get; init; } = true;
}
