namespace StarSend.Imaging.Png;

/// <summary>PNG decode (every colour type and depth, palette, tRNS, Adam7) and encode, with explicit safety limits.</summary>
public static class PngCodec
{
    /// <summary>Decodes a PNG to RGBA8 (16-bit samples keep their high byte). Throws <see cref="ImagingException"/> on broken input.</summary>
    public static RgbaImage Decode(ReadOnlySpan<byte> data, PngLimits? limits = null) => throw new NotImplementedException();

    public static RgbaImage Decode(string path, PngLimits? limits = null) => Decode(File.ReadAllBytes(path), limits);

    public static byte[] Encode(RgbaImage image, PngEncodeOptions? options = null) => throw new NotImplementedException();
}

/// <summary>Limits that bound decode time and memory.</summary>
public sealed record PngLimits
{
    public static PngLimits Default { get; } = new();

    public int MaxWidth { get; init; } = 16384;

    public int MaxHeight { get; init; } = 16384;

    public long MaxPixels { get; init; } = 64L * 1024 * 1024;

    public int MaxChunkLength { get; init; } = 64 * 1024 * 1024;

    /// <summary>Most bytes the IDAT stream may inflate to beyond what the header says it needs.</summary>
    public long MaxInputBytes { get; init; } = 256L * 1024 * 1024;
}

public sealed record PngEncodeOptions
{
    public static PngEncodeOptions Default { get; } = new();

    public System.IO.Compression.CompressionLevel Level { get; init; } = System.IO.Compression.CompressionLevel.Fastest;

    /// <summary>Drop the alpha channel when every pixel is opaque (smaller, faster files).</summary>
    public bool DropOpaqueAlpha { get; init; } = true;
}
