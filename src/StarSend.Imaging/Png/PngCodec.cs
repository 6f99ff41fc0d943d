namespace StarSend.Imaging.Png;

/// <summary>PNG decode (every colour type and depth, palette, tRNS, Adam7) and encode, with explicit safety limits.</summary>
public static class PngCodec
{
    /// <summary>Decodes a PNG to RGBA8 (16-bit samples keep their high byte). Throws <see cref="ImagingException"/> on broken input.</summary>
    public static RgbaImage Decode(ReadOnlySpan<byte> data, PngLimits? limits = null) =>
        PngDecoder.Decode(data, limits ?? PngLimits.Default);

    public static RgbaImage Decode(string path, PngLimits? limits = null)
    {
        limits ??= PngLimits.Default;
        var length = new FileInfo(path).Length;
        if (length > limits.MaxInputBytes)
        {
            throw new ImagingException($"PNG '{Path.GetFileName(path)}' is {length} bytes, over the limit of {limits.MaxInputBytes}.");
        }

        try
        {
            return Decode(File.ReadAllBytes(path), limits);
        }
        catch (ImagingException ex)
        {
            throw new ImagingException($"{Path.GetFileName(path)}: {ex.Message}", ex);
        }
    }

    public static byte[] Encode(RgbaImage image, PngEncodeOptions? options = null) =>
        PngEncoder.Encode(image, options ?? PngEncodeOptions.Default);
}
