using System.Buffers.Binary;
using System.IO.Compression;
using StarSend.Imaging.Png;
using StarSend.Imaging.Tests.Synthetic;

namespace StarSend.Imaging.Tests.Png;

public sealed class PngDecoderRejectionTests
{
    private static readonly byte[] Valid = PngCodec.Encode(SyntheticImages.Photo(24, 18, seed: 7));

    [Fact]
    public void Decode_EveryTruncation_ThrowsImagingException()
    {
        for (var length = 0; length < Valid.Length; length++)
        {
            var prefix = Valid.AsSpan(0, length).ToArray();

            var act = () => PngCodec.Decode(prefix);

            act.Should().Throw<ImagingException>($"a file cut to {length} of {Valid.Length} bytes is broken");
        }
    }

    [Fact]
    public void Decode_FlippedByteAnywhere_ThrowsImagingExceptionOnly()
    {
        var random = new Random(11);
        for (var i = 0; i < 400; i++)
        {
            var data = (byte[])Valid.Clone();
            data[random.Next(8, data.Length)] ^= (byte)random.Next(1, 256);

            var act = () => PngCodec.Decode(data);

            act.Should().Throw<ImagingException>("every byte past the signature is covered by a CRC");
        }
    }

    [Fact]
    public void Decode_CorruptImageDataWithValidCrc_ThrowsImagingExceptionOrDecodes()
    {
        var random = new Random(5);
        var rejected = 0;
        for (var i = 0; i < 300; i++)
        {
            var file = PngFile.Parse(Valid);
            var idat = file.Body("IDAT");
            idat[random.Next(idat.Length)] ^= (byte)random.Next(1, 256);

            try
            {
                PngCodec.Decode(file.ToBytes()).Width.Should().Be(24);
            }
            catch (ImagingException ex)
            {
                ex.Message.Should().NotContain("\n");
                rejected++;
            }
        }

        rejected.Should().BeGreaterThan(250, "deflate data and the Adler-32 together catch nearly every damaged byte");
    }

    [Fact]
    public void Decode_WrongAdler32_Throws()
    {
        var data = WithImageData(Valid, z => z[^1] ^= 0x40);

        Reject(data).Should().Contain("zlib");
    }

    [Fact]
    public void Decode_MissingAdler32_Throws()
    {
        var file = PngFile.Parse(Valid);
        var idat = file.Body("IDAT");
        file.Chunks[file.Chunks.FindIndex(c => c.Type == "IDAT")] = ("IDAT", idat[..^4]);

        Reject(file.ToBytes()).Should().Contain("Adler-32");
    }

    [Fact]
    public void Decode_UnknownCriticalChunk_Throws()
    {
        var data = PngFile.Parse(Valid).Insert(1, "ABCD", [1, 2, 3]).ToBytes();

        Reject(data).Should().Contain("unknown critical chunk 'ABCD'");
    }

    [Fact]
    public void Decode_UnknownAncillaryChunk_IsSkipped()
    {
        var data = PngFile.Parse(Valid).Insert(1, "abCd", [1, 2, 3]).ToBytes();

        PngCodec.Decode(data).Pixels.Should().Equal(PngCodec.Decode(Valid).Pixels);
    }

    [Fact]
    public void Decode_DimensionsOverTheLimit_Throws()
    {
        var data = WithHeader(Valid, width: 100_000, height: 100_000);

        Reject(data).Should().Contain("100000x100000").And.Contain("limit");
    }

    [Fact]
    public void Decode_DimensionsOverCallerLimit_Throws()
    {
        var limits = new PngLimits { MaxWidth = 23 };

        Reject(Valid, limits).Should().Contain("24x18");
    }

    [Fact]
    public void Decode_ZeroWidth_Throws()
    {
        Reject(WithHeader(Valid, width: 0, height: 18)).Should().Contain("invalid dimensions");
    }

    [Fact]
    public void Decode_HugeClaimedImageWithTinyData_ThrowsWithoutAllocatingTheImage()
    {
        var data = WithHeader(Valid, width: 16384, height: 4096);
        var before = GC.GetAllocatedBytesForCurrentThread();

        Reject(data).Should().Contain("too little");

        (GC.GetAllocatedBytesForCurrentThread() - before).Should().BeLessThan(1024 * 1024);
    }

    [Fact]
    public void Decode_ChunkLengthOverTheLimit_ThrowsBeforeReadingIt()
    {
        var data = (byte[])Valid.Clone();
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(33), 0x7FFF_FFF0);

        Reject(data).Should().Contain("claims 2147483632 bytes");
    }

    [Fact]
    public void Decode_ChunkLengthPastTheEnd_Throws()
    {
        var data = (byte[])Valid.Clone();
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(33), 1_000_000);

        Reject(data).Should().Contain("truncated inside chunk");
    }

    [Fact]
    public void Decode_DecompressionBomb_ThrowsInBoundedMemory()
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, 1000);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), 1000);
        header[8] = 8;
        var bomb = new PngFile();
        bomb.Chunks.Add(("IHDR", header));
        bomb.Chunks.Add(("IDAT", Deflate(new byte[32 * 1024 * 1024], CompressionLevel.Fastest)));
        bomb.Chunks.Add(("IEND", []));
        var data = bomb.ToBytes();
        var before = GC.GetAllocatedBytesForCurrentThread();

        Reject(data).Should().Contain("inflates to more than");

        (GC.GetAllocatedBytesForCurrentThread() - before).Should().BeLessThan(16 * 1024 * 1024);
    }

    [Fact]
    public void Decode_SmallExtraImageData_IsTolerated()
    {
        var data = WithImageData(Valid, z => Deflate([.. Inflate(z), .. new byte[100]]));

        PngCodec.Decode(data).Pixels.Should().Equal(PngCodec.Decode(Valid).Pixels);
    }

    [Fact]
    public void Decode_UnknownFilterType_Throws()
    {
        var rowBytes = 1 + (24 * 3);
        var data = WithImageData(Valid, z =>
        {
            var raw = Inflate(z);
            raw[3 * rowBytes] = 7;
            return Deflate(raw);
        });

        Reject(data).Should().Contain("unknown filter type 7");
    }

    [Fact]
    public void Decode_FirstChunkNotIhdr_Throws()
    {
        var file = PngFile.Parse(Valid);
        file.Chunks.Reverse(0, 2);

        Reject(file.ToBytes()).Should().Contain("IHDR");
    }

    [Fact]
    public void Decode_MissingIend_Throws()
    {
        Reject(PngFile.Parse(Valid).Without("IEND").ToBytes()).Should().Contain("no IEND");
    }

    [Fact]
    public void Decode_IdatChunksNotConsecutive_Throws()
    {
        var file = PngFile.Parse(Valid);
        var index = file.Chunks.FindIndex(c => c.Type == "IDAT");
        var idat = file.Chunks[index].Body;
        file.Chunks[index] = ("IDAT", idat[..10]);
        file.Insert(index + 1, "tEXt", "a\0b"u8.ToArray()).Insert(index + 2, "IDAT", idat[10..]);

        Reject(file.ToBytes()).Should().Contain("not consecutive");
    }

    [Fact]
    public void Decode_PaletteImageWithoutPalette_Throws()
    {
        var data = File.ReadAllBytes(Path.Combine(TestData.SharedData, "pngsuite", "basn3p08.png"));

        Reject(PngFile.Parse(data).Without("PLTE").ToBytes()).Should().Contain("no PLTE");
    }

    [Fact]
    public void Decode_InputOverMaxInputBytes_Throws()
    {
        Reject(Valid, new PngLimits { MaxInputBytes = 100 }).Should().Contain("over the limit of 100");
    }

    [Fact]
    public void Decode_PathOfBrokenFile_NamesTheFile()
    {
        using var temp = new StarSend.Testing.TempDirectory();
        var path = temp.Combine("grid.png");
        File.WriteAllBytes(path, Valid[..100]);

        var act = () => PngCodec.Decode(path);

        act.Should().Throw<ImagingException>().Which.Message.Should().StartWith("grid.png: PNG is truncated");
    }

    [Fact]
    public void Decode_PathOverMaxInputBytes_ThrowsBeforeReading()
    {
        using var temp = new StarSend.Testing.TempDirectory();
        var path = temp.Combine("big.png");
        File.WriteAllBytes(path, Valid);

        var act = () => PngCodec.Decode(path, new PngLimits { MaxInputBytes = 64 });

        act.Should().Throw<ImagingException>().Which.Message.Should().Be($"PNG 'big.png' is {Valid.Length} bytes, over the limit of 64.");
    }

    private static string Reject(byte[] data, PngLimits? limits = null)
    {
        var act = () => PngCodec.Decode(data, limits);
        var message = act.Should().Throw<ImagingException>().Which.Message;
        message.Should().NotContain("\n");
        return message;
    }

    private static byte[] WithHeader(byte[] data, int width, int height)
    {
        var file = PngFile.Parse(data);
        BinaryPrimitives.WriteInt32BigEndian(file.Body("IHDR"), width);
        BinaryPrimitives.WriteInt32BigEndian(file.Body("IHDR").AsSpan(4), height);
        return file.ToBytes();
    }

    private static byte[] WithImageData(byte[] data, Action<byte[]> change) => WithImageData(data, z =>
    {
        change(z);
        return z;
    });

    private static byte[] WithImageData(byte[] data, Func<byte[], byte[]> change)
    {
        var file = PngFile.Parse(data);
        var all = file.Chunks.Where(c => c.Type == "IDAT").SelectMany(c => c.Body).ToArray();
        file.Without("IEND").Without("IDAT");
        file.Chunks.Add(("IDAT", change(all)));
        file.Chunks.Add(("IEND", []));
        return file.ToBytes();
    }

    private static byte[] Inflate(byte[] zlib)
    {
        using var input = new ZLibStream(new MemoryStream(zlib), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    private static byte[] Deflate(byte[] raw, CompressionLevel level = CompressionLevel.Optimal)
    {
        using var output = new MemoryStream();
        using (var z = new ZLibStream(output, level))
        {
            z.Write(raw);
        }

        return output.ToArray();
    }
}
