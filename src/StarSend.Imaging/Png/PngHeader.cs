using System.Buffers.Binary;

namespace StarSend.Imaging.Png;

/// <summary>The IHDR chunk, checked against the PNG rules and the caller's limits.</summary>
internal readonly record struct PngHeader(int Width, int Height, int BitDepth, PngColorType ColorType, bool Interlaced)
{
    public const int Length = 13;

    public int Channels => ColorType switch
    {
        PngColorType.Gray or PngColorType.Palette => 1,
        PngColorType.GrayAlpha => 2,
        PngColorType.Rgb => 3,
        _ => 4,
    };

    public int BitsPerPixel => Channels * BitDepth;

    /// <summary>Distance in bytes to the "left" byte used by the Sub, Average and Paeth filters.</summary>
    public int FilterStride => Math.Max(1, BitsPerPixel / 8);

    public long RowBytes(int width) => ((width * (long)BitsPerPixel) + 7) / 8;

    /// <summary>Bytes the inflated image data must hold: one filter byte and the packed samples per row, per pass.</summary>
    public long InflatedBytes()
    {
        if (!Interlaced)
        {
            return Height * (1 + RowBytes(Width));
        }

        long total = 0;
        foreach (var pass in Adam7.Passes)
        {
            var (w, h) = pass.Size(Width, Height);
            if (w > 0 && h > 0)
            {
                total += h * (1 + RowBytes(w));
            }
        }

        return total;
    }

    public static PngHeader Parse(ReadOnlySpan<byte> data, PngLimits limits)
    {
        if (data.Length != Length)
        {
            throw new ImagingException($"PNG header (IHDR) is {data.Length} bytes, expected {Length}.");
        }

        var width = BinaryPrimitives.ReadUInt32BigEndian(data);
        var height = BinaryPrimitives.ReadUInt32BigEndian(data[4..]);
        if (width == 0 || height == 0 || width > int.MaxValue || height > int.MaxValue)
        {
            throw new ImagingException($"PNG has invalid dimensions {width}x{height}.");
        }

        if (width > limits.MaxWidth || height > limits.MaxHeight || (long)width * height > limits.MaxPixels)
        {
            throw new ImagingException(
                $"PNG is {width}x{height}, over the limit of {limits.MaxWidth}x{limits.MaxHeight} and {limits.MaxPixels} pixels.");
        }

        var depth = data[8];
        var colorType = (PngColorType)data[9];
        if (!IsAllowed(colorType, depth))
        {
            throw new ImagingException($"PNG has an invalid colour type {data[9]} with bit depth {depth}.");
        }

        if (data[10] != 0 || data[11] != 0)
        {
            throw new ImagingException($"PNG uses unknown compression method {data[10]} or filter method {data[11]}.");
        }

        if (data[12] > 1)
        {
            throw new ImagingException($"PNG uses unknown interlace method {data[12]}.");
        }

        return new PngHeader((int)width, (int)height, depth, colorType, data[12] == 1);
    }

    private static bool IsAllowed(PngColorType colorType, byte depth) => colorType switch
    {
        PngColorType.Gray => depth is 1 or 2 or 4 or 8 or 16,
        PngColorType.Palette => depth is 1 or 2 or 4 or 8,
        PngColorType.Rgb or PngColorType.GrayAlpha or PngColorType.Rgba => depth is 8 or 16,
        _ => false,
    };
}
