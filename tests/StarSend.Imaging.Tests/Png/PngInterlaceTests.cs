using System.Buffers.Binary;
using System.IO.Compression;
using StarSend.Imaging.Png;
using StarSend.Imaging.Tests.Synthetic;

namespace StarSend.Imaging.Tests.Png;

public sealed class PngInterlaceTests
{
    private static readonly (int X0, int Y0, int Dx, int Dy)[] Passes =
        [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)];

    public static TheoryData<int, int> Sizes()
    {
        var data = new TheoryData<int, int>();
        foreach (var width in new[] { 1, 2, 3, 4, 5, 7, 8, 9, 13 })
        {
            foreach (var height in new[] { 1, 2, 5, 8, 11 })
            {
                data.Add(width, height);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Decode_Adam7AtEverySmallSize_PlacesEveryPixel(int width, int height)
    {
        var image = SyntheticImages.Noise(width, height, seed: (width * 100) + height);
        image.Pixels[3] = 9;

        var decoded = PngCodec.Decode(Interlaced(image));

        decoded.Pixels.Should().Equal(image.Pixels);
    }

    /// <summary>Writes an Adam7 RGBA PNG without filtering, with empty passes left out as the spec says.</summary>
    private static byte[] Interlaced(RgbaImage image)
    {
        using var raw = new MemoryStream();
        foreach (var (x0, y0, dx, dy) in Passes)
        {
            if (x0 >= image.Width || y0 >= image.Height)
            {
                continue;
            }

            for (var y = y0; y < image.Height; y += dy)
            {
                raw.WriteByte(0);
                for (var x = x0; x < image.Width; x += dx)
                {
                    raw.Write(image.Row(y).Slice(x * 4, 4));
                }
            }
        }

        using var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Fastest))
        {
            z.Write(raw.ToArray());
        }

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, image.Width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), image.Height);
        (header[8], header[9], header[12]) = (8, 6, 1);
        var file = new PngFile();
        file.Chunks.Add(("IHDR", header));
        file.Chunks.Add(("IDAT", compressed.ToArray()));
        file.Chunks.Add(("IEND", []));
        return file.ToBytes();
    }
}
