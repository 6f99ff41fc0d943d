using System.Runtime.InteropServices;

namespace StarSend.Imaging.Png;

/// <summary>Inflates, unfilters and converts the image data pass by pass, two rows at a time.</summary>
internal static class PngDecoder
{
    // Deflate cannot do better than 258 bytes per 2 bits; fewer compressed bytes than this cannot fill the image.
    private const long MaxDeflateRatio = 1032;

    public static RgbaImage Decode(ReadOnlySpan<byte> data, PngLimits limits)
    {
        var png = PngChunkReader.Read(data, limits);
        var header = png.Header;
        if (png.ImageDataLength * MaxDeflateRatio < header.InflatedBytes())
        {
            throw new ImagingException(
                $"PNG image data is {png.ImageDataLength} bytes, too little for a {header.Width}x{header.Height} image (truncated).");
        }

        using var reader = new PngImageDataReader(data, png);
        var image = new RgbaImage(header.Width, header.Height);
        var converter = new PngRowConverter(png);
        if (header.Interlaced)
        {
            foreach (var pass in Adam7.Passes)
            {
                DecodePass(reader, converter, image, header, pass);
            }
        }
        else
        {
            DecodePass(reader, converter, image, header, new Adam7(0, 0, 1, 1));
        }

        reader.Finish(limits.MaxTrailingInflatedBytes);
        return image;
    }

    private static void DecodePass(PngImageDataReader reader, PngRowConverter converter, RgbaImage image, PngHeader header, Adam7 pass)
    {
        var (width, height) = pass.Size(header.Width, header.Height);
        if (width == 0 || height == 0)
        {
            return;
        }

        var rowBytes = (int)header.RowBytes(width);
        var bpp = header.FilterStride;
        var current = new byte[rowBytes + 1];
        var prior = new byte[rowBytes + 1];
        var scattered = pass.Dx == 1 ? null : new byte[width * 4];
        for (var y = 0; y < height; y++)
        {
            reader.ReadRow(current);
            var raw = current.AsSpan(1);
            PngUnfilter.Apply(current[0], raw, prior.AsSpan(1), bpp);
            var outputY = pass.Y0 + (y * pass.Dy);
            if (scattered is null)
            {
                converter.Convert(raw, image.Row(outputY), width);
            }
            else
            {
                converter.Convert(raw, scattered, width);
                var source = MemoryMarshal.Cast<byte, uint>(scattered.AsSpan());
                var target = MemoryMarshal.Cast<byte, uint>(image.Row(outputY));
                for (var x = 0; x < width; x++)
                {
                    target[pass.X0 + (x * pass.Dx)] = source[x];
                }
            }

            (current, prior) = (prior, current);
        }
    }
}
