using System.IO.Compression;
using StarSend.Imaging.Png;
using StarSend.Imaging.Tests.Synthetic;

namespace StarSend.Imaging.Tests.Png;

public sealed class PngEncoderTests
{
    public static TheoryData<PngFilter, CompressionLevel> FiltersAndLevels()
    {
        var data = new TheoryData<PngFilter, CompressionLevel>();
        foreach (var filter in Enum.GetValues<PngFilter>())
        {
            foreach (var level in new[] { CompressionLevel.Fastest, CompressionLevel.Optimal, CompressionLevel.NoCompression })
            {
                data.Add(filter, level);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FiltersAndLevels))]
    public void Encode_EveryFilterAndLevel_RoundTrips(PngFilter filter, CompressionLevel level)
    {
        var opaque = SyntheticImages.Photo(77, 53, seed: 3);
        var translucent = SyntheticImages.Photo(77, 53, seed: 4);
        translucent.Pixels[(10 * 77 * 4) + 3] = 128;

        foreach (var image in new[] { opaque, translucent })
        {
            var decoded = PngCodec.Decode(PngCodec.Encode(image, new PngEncodeOptions { Filter = filter, Level = level }));

            decoded.Width.Should().Be(77);
            decoded.Height.Should().Be(53);
            decoded.Pixels.Should().Equal(image.Pixels);
        }
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(1, 9)]
    [InlineData(9, 1)]
    [InlineData(33, 17)]
    public void Encode_SmallAndOddSizes_RoundTrip(int width, int height)
    {
        var image = SyntheticImages.Noise(width, height, seed: width * height);
        image.Pixels[^1] = 7;

        PngCodec.Decode(PngCodec.Encode(image)).Pixels.Should().Equal(image.Pixels);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(17)]
    public void Encode_OpaqueOddWidths_RoundTripThroughRgb(int width)
    {
        var image = SyntheticImages.Noise(width, 3, seed: width);

        var png = PngCodec.Encode(image);

        PngFile.Parse(png).Body("IHDR")[9].Should().Be(2);
        PngCodec.Decode(png).Pixels.Should().Equal(image.Pixels);
    }

    [Fact]
    public void Encode_OpaqueImage_WritesRgbWithoutAlpha()
    {
        var png = PngCodec.Encode(SyntheticImages.Photo(20, 10, seed: 1));

        PngFile.Parse(png).Body("IHDR")[9].Should().Be(2);
    }

    [Fact]
    public void Encode_OneTranslucentPixel_KeepsAlpha()
    {
        var image = SyntheticImages.Photo(20, 10, seed: 1);
        image.Pixels[^1] = 254;

        PngFile.Parse(PngCodec.Encode(image)).Body("IHDR")[9].Should().Be(6);
    }

    [Fact]
    public void Encode_DropOpaqueAlphaOff_KeepsAlpha()
    {
        var png = PngCodec.Encode(SyntheticImages.Photo(20, 10, seed: 1), new PngEncodeOptions { DropOpaqueAlpha = false });

        PngFile.Parse(png).Body("IHDR")[9].Should().Be(6);
    }

    [Fact]
    public void Encode_LargeNoisyImage_SplitsImageDataIntoBoundedChunks()
    {
        var image = SyntheticImages.Noise(700, 700, seed: 2);

        var png = PngCodec.Encode(image);

        var idat = PngFile.Parse(png).Chunks.Where(c => c.Type == "IDAT").ToList();
        idat.Should().HaveCountGreaterThan(1);
        idat.Should().OnlyContain(c => c.Body.Length <= PngIdatStream.ChunkSize);
        PngCodec.Decode(png).Pixels.Should().Equal(image.Pixels);
    }

    [Fact]
    public void Encode_Output_StartsWithSignatureAndEndsWithIend()
    {
        var png = PngCodec.Encode(SyntheticImages.Solid(3, 3, 1, 2, 3));

        png.AsSpan(0, 8).ToArray().Should().Equal(PngChunkReader.Signature.ToArray());
        PngFile.Parse(png).Chunks.Select(c => c.Type).Should().Equal("IHDR", "IDAT", "IEND");
    }
}
