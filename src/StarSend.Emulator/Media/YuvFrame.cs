using StarSend.Imaging;

namespace StarSend.Emulator.Media;

/// <summary>A picture in 8-bit Y'CbCr 4:2:0 (BT.601, limited range) at its coded size, edges repeated into the padding.</summary>
internal sealed class YuvFrame
{
    private YuvFrame(FrameGeometry geometry)
    {
        Geometry = geometry;
        Luma = new byte[geometry.CodedWidth * geometry.CodedHeight];
        Cb = new byte[Luma.Length / 4];
        Cr = new byte[Luma.Length / 4];
    }

    public FrameGeometry Geometry { get; }

    public byte[] Luma { get; }

    public byte[] Cb { get; }

    public byte[] Cr { get; }

    public int LumaStride => Geometry.CodedWidth;

    public int ChromaStride => Geometry.CodedWidth / 2;

    /// <summary>Converts an RGBA frame; alpha is ignored (the picture is treated as opaque).</summary>
    public static YuvFrame FromRgba(RgbaImage image)
    {
        var frame = new YuvFrame(FrameGeometry.For(image.Width, image.Height));
        var codedWidth = frame.Geometry.CodedWidth;
        var codedHeight = frame.Geometry.CodedHeight;
        for (var y = 0; y < codedHeight; y++)
        {
            var row = image.Row(Math.Min(y, image.Height - 1));
            for (var x = 0; x < codedWidth; x++)
            {
                var p = Math.Min(x, image.Width - 1) * 4;
                frame.Luma[(y * codedWidth) + x] = Clamp(16 + (((65.481 * row[p]) + (128.553 * row[p + 1]) + (24.966 * row[p + 2])) / 255));
            }
        }

        for (var cy = 0; cy < codedHeight / 2; cy++)
        {
            for (var cx = 0; cx < codedWidth / 2; cx++)
            {
                var (r, g, b) = Average2X2(image, cx * 2, cy * 2);
                var index = (cy * frame.ChromaStride) + cx;
                frame.Cb[index] = Clamp(128 + (((-37.797 * r) - (74.203 * g) + (112.0 * b)) / 255));
                frame.Cr[index] = Clamp(128 + (((112.0 * r) - (93.786 * g) - (18.214 * b)) / 255));
            }
        }

        return frame;
    }

    private static (double R, double G, double B) Average2X2(RgbaImage image, int x0, int y0)
    {
        double r = 0, g = 0, b = 0;
        for (var dy = 0; dy < 2; dy++)
        {
            var row = image.Row(Math.Min(y0 + dy, image.Height - 1));
            for (var dx = 0; dx < 2; dx++)
            {
                var p = Math.Min(x0 + dx, image.Width - 1) * 4;
                r += row[p];
                g += row[p + 1];
                b += row[p + 2];
            }
        }

        return (r / 4, g / 4, b / 4);
    }

    private static byte Clamp(double value) => (byte)Math.Clamp((int)Math.Round(value), 1, 254);
}
