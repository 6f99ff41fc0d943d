using System.Buffers.Binary;
using System.IO.Compression;
using StarSend.Imaging.Tests.Synthetic;
using StarSend.Testing;

namespace StarSend.Imaging.Tests.Decoding;

/// <summary>
/// Hostile and broken files through our use of Skia: each gives one clean <see cref="ImagingException"/> (single line,
/// naming the file), never a half-decoded picture or a library exception, in bounded memory.
/// </summary>
public sealed class CrasherTests
{
    private static readonly byte[] Valid = ImageCodec.EncodePng(SyntheticImages.Photo(24, 18, seed: 7));

    [Fact]
    public void Decode_EveryTruncation_ThrowsImagingException()
    {
        var whole = ImageCodec.Decode(Valid).Pixels;
        for (var length = 0; length < Valid.Length; length++)
        {
            var prefix = Valid.AsSpan(0, length).ToArray();

            var act = () => ImageCodec.Decode(prefix);

            if (length < Valid.Length - 24)
            {
                act.Should().Throw<ImagingException>($"a file cut to {length} of {Valid.Length} bytes is broken, not half a picture");
            }
            else
            {
                // Cut inside the trailer (zlib checksum, chunk CRC, IEND): every pixel is there; never a partial picture.
                try
                {
                    act().Pixels.Should().Equal(whole, $"a file cut to {length} bytes decodes whole or not at all");
                }
                catch (ImagingException)
                {
                }
            }
        }
    }

    [Fact]
    public void Decode_TruncatedJpeg_ThrowsInsteadOfReturningHalfAPicture()
    {
        var jpeg = ImageCodec.EncodeJpeg(SyntheticImages.Photo(256, 256, seed: 3));

        var act = () => ImageCodec.Decode(jpeg.AsSpan(0, jpeg.Length / 2), "grid.jpg");

        act.Should().Throw<ImagingException>().Which.Message.Should().Be("grid.jpg: truncated JPEG");
    }

    [Fact]
    public void Decode_HeaderClaiming30000Squared_ThrowsBeforeAllocatingThePixels()
    {
        var data = WithHeader(Valid, width: 30000, height: 30000);
        var before = GC.GetAllocatedBytesForCurrentThread();

        Reject(data).Should().Contain("30000x30000").And.Contain("limit");
        (GC.GetAllocatedBytesForCurrentThread() - before).Should().BeLessThan(1024 * 1024);
    }

    [Fact]
    public void Decode_HugeClaimedImageUnderTheLimitWithTinyData_ThrowsTruncated()
    {
        var data = WithHeader(Valid, width: 4096, height: 4096);

        Reject(data).Should().Contain("truncated");
    }

    [Fact]
    public void Decode_DimensionsOverCallerLimit_Throws()
    {
        Reject(Valid, new ImageLimits { MaxSide = 23 }).Should().Contain("24x18");
    }

    [Fact]
    public void Decode_InputOverMaxBytes_Throws()
    {
        Reject(Valid, new ImageLimits { MaxBytes = 100 }).Should().Contain("over the limit of 100");
    }

    [Fact]
    public void Decode_ZeroWidth_Throws()
    {
        Reject(WithHeader(Valid, width: 0, height: 18));
    }

    [Fact]
    public void Decode_DecompressionBomb_DecodesOrThrowsInBoundedMemory()
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, 1000);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), 1000);
        header[8] = 8;
        var bomb = new PngFile();
        bomb.Chunks.Add(("IHDR", header));
        bomb.Chunks.Add(("IDAT", Deflate(new byte[64 * 1024 * 1024])));
        bomb.Chunks.Add(("IEND", []));
        var data = bomb.ToBytes();
        var before = GC.GetAllocatedBytesForCurrentThread();

        try
        {
            ImageCodec.Decode(data).Width.Should().Be(1000);
        }
        catch (ImagingException ex)
        {
            ex.Message.Should().NotContain("\n");
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).Should().BeLessThan(16 * 1024 * 1024);
    }

    [Fact]
    public void Decode_UnknownAncillaryChunk_IsSkipped()
    {
        var data = PngFile.Parse(Valid).Insert(1, "abCd", [1, 2, 3]).ToBytes();

        ImageCodec.Decode(data).Pixels.Should().Equal(ImageCodec.Decode(Valid).Pixels);
    }

    [Fact]
    public void Decode_NoImageData_Throws()
    {
        Reject(PngFile.Parse(Valid).Without("IDAT").ToBytes());
    }

    [Fact]
    public void Decode_PaletteImageWithoutPalette_Throws()
    {
        var data = File.ReadAllBytes(Path.Combine(TestData.SharedData, "pngsuite", "basn3p08.png"));

        Reject(PngFile.Parse(data).Without("PLTE").ToBytes());
    }

    [Fact]
    public void Decode_PathOfBrokenFile_NamesTheFile()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("grid.png");
        File.WriteAllBytes(path, Valid[..100]);

        var act = () => ImageCodec.Decode(path);

        act.Should().Throw<ImagingException>().Which.Message.Should().StartWith("grid.png: ");
    }

    [Fact]
    public void Decode_PathOverMaxBytes_ThrowsBeforeReading()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("big.png");
        File.WriteAllBytes(path, Valid);

        var act = () => ImageCodec.Decode(path, new ImageLimits { MaxBytes = 64 });

        act.Should().Throw<ImagingException>().Which.Message.Should().Be($"big.png: {Valid.Length} bytes, over the limit of 64");
    }

    [Fact]
    public void Decode_MissingFile_NamesIt()
    {
        var act = () => ImageCodec.Decode(Path.Combine(Path.GetTempPath(), "no-such-grid.png"));

        act.Should().Throw<ImagingException>().Which.Message.Should().Be("no-such-grid.png: file not found");
    }

    private static string Reject(byte[] data, ImageLimits? limits = null)
    {
        var act = () => ImageCodec.Decode(data, "x.png", limits);

        var message = act.Should().Throw<ImagingException>().Which.Message;
        message.Should().StartWith("x.png: ").And.NotContain("\n");
        return message;
    }

    private static byte[] WithHeader(byte[] data, int width, int height)
    {
        var file = PngFile.Parse(data);
        BinaryPrimitives.WriteInt32BigEndian(file.Body("IHDR"), width);
        BinaryPrimitives.WriteInt32BigEndian(file.Body("IHDR").AsSpan(4), height);
        return file.ToBytes();
    }

    private static byte[] Deflate(byte[] raw)
    {
        using var output = new MemoryStream();
        using (var z = new ZLibStream(output, CompressionLevel.Fastest))
        {
            z.Write(raw);
        }

        return output.ToArray();
    }
}
