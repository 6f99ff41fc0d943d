namespace StarSend.Imaging;

/// <summary>An 8-bit RGBA image, rows top to bottom, 4 bytes a pixel.</summary>
public sealed class RgbaImage
{
    public RgbaImage(int width, int height)
        : this(width, height, new byte[checked(width * height * 4)])
    {
    }

    public RgbaImage(int width, int height, byte[] pixels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (pixels.Length != (long)width * height * 4)
        {
            throw new ArgumentException($"Expected {width * height * 4} bytes for {width}x{height}, got {pixels.Length}.", nameof(pixels));
        }

        Width = width;
        Height = height;
        Pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

#pragma warning disable CA1819 // The pixel buffer is the point of the type; copying it would defeat it.
    public byte[] Pixels { get; }
#pragma warning restore CA1819

    public Span<byte> Row(int y) => Pixels.AsSpan(y * Width * 4, Width * 4);
}
