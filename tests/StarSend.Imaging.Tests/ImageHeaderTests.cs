using System.Buffers.Binary;
using System.Text.Json;
using StarSend.Testing;

namespace StarSend.Imaging.Tests;

public sealed class ImageHeaderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Read_PngSuite_MatchesManifestDimensionsForEveryImage()
    {
        var data = Path.Combine(RepoRoot(), "..", "shared", "data");
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(data, "pngsuite-manifest.json")));
        var checkedCount = 0;

        foreach (var image in manifest.RootElement.EnumerateObject())
        {
            var path = Path.Combine(data, "pngsuite", image.Name);
            var info = ImageHeader.Read(path);

            info.Format.Should().Be(ImageFormat.Png, image.Name);
            info.Width.Should().Be(image.Value.GetProperty("width").GetInt32(), image.Name);
            info.Height.Should().Be(image.Value.GetProperty("height").GetInt32(), image.Name);
            info.Bytes.Should().Be(new FileInfo(path).Length, image.Name);
            checkedCount++;
        }

        checkedCount.Should().BeGreaterThan(20);
    }

    [Fact]
    public void Read_PngHeader_ReturnsDimensionsAndSize()
    {
        var path = Write("a.png", Png(640, 360, trailing: 100));

        var info = ImageHeader.Read(path);

        info.Should().Be(new ImageInfo(ImageFormat.Png, 640, 360, 8 + 25 + 100));
    }

    [Theory]
    [InlineData(0xC0)]
    [InlineData(0xC1)]
    [InlineData(0xC2)]
    [InlineData(0xCF)]
    public void Read_JpegWithFrameMarker_ReturnsDimensions(int sof)
    {
        var path = Write("a.jpg", Jpeg(Segment(0xE0, 14), Segment(0xDB, 65), Frame(sof, 1200, 800)));

        var info = ImageHeader.Read(path);

        info.Format.Should().Be(ImageFormat.Jpeg);
        (info.Width, info.Height).Should().Be((1200, 800));
        info.Bytes.Should().Be(new FileInfo(path).Length);
    }

    [Fact]
    public void Read_JpegWithTablesSharingTheSofRange_SkipsThemAndFindsTheFrame()
    {
        // DHT (C4), JPG (C8) and DAC (CC) are in C0..CF but carry no dimensions; fill bytes may precede a marker.
        var bogus = new byte[] { 0, 0x10, 0x20, 0x30, 0x40 };
        var path = Write("t.jpg", Jpeg(Segment(0xC4, 30, bogus), Segment(0xC8, 8, bogus), Segment(0xCC, 8, bogus), [0xFF, 0xFF], Frame(0xC0, 301, 302)));

        var info = ImageHeader.Read(path);

        (info.Width, info.Height).Should().Be((301, 302));
    }

    [Theory]
    [InlineData("gif", new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0 }, "not a PNG or JPEG")]
    [InlineData("empty", new byte[0], "not a PNG or JPEG")]
    [InlineData("signature-only", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, "truncated PNG header")]
    [InlineData("half-ihdr", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48 }, "truncated PNG header")]
    [InlineData("no-ihdr", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x67, 0x41, 0x4D, 0x41, 0, 0, 0, 1, 0, 0, 0, 1 }, "IHDR")]
    [InlineData("soi-only", new byte[] { 0xFF, 0xD8 }, "truncated JPEG header")]
    [InlineData("eoi-first", new byte[] { 0xFF, 0xD8, 0xFF, 0xD9 }, "no frame header")]
    [InlineData("scan-first", new byte[] { 0xFF, 0xD8, 0xFF, 0xDA, 0, 8, 1, 2, 3, 4, 5, 6 }, "no frame header")]
    [InlineData("garbage-after-soi", new byte[] { 0xFF, 0xD8, 0x12, 0x34 }, "expected a marker")]
    [InlineData("segment-past-end", new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x40, 0x00, 1, 2 }, "truncated JPEG header")]
    [InlineData("bad-length", new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x01 }, "impossible length")]
    [InlineData("short-frame", new byte[] { 0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x11, 8, 1 }, "truncated JPEG frame header")]
    [InlineData("zero-height", new byte[] { 0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x0B, 8, 0, 0, 1, 0, 1, 1, 0x11, 0 }, "unsupported dimensions")]
    public void Read_BrokenOrForeignFile_ThrowsImagingException(string name, byte[] bytes, string expected)
    {
        var path = Write(name + ".bin", bytes);

        var act = () => ImageHeader.Read(path);

        act.Should().Throw<ImagingException>().Which.Message.Should().Contain(expected).And.StartWith(name + ".bin: ");
    }

    [Fact]
    public void Read_PngWithZeroWidth_Throws()
    {
        var path = Write("z.png", Png(0, 10));

        var act = () => ImageHeader.Read(path);

        act.Should().Throw<ImagingException>().WithMessage("*impossible dimensions 0x10*");
    }

    [Fact]
    public void Read_MissingFile_ThrowsImagingException()
    {
        var act = () => ImageHeader.Read(_temp.Combine("nope.png"));

        act.Should().Throw<ImagingException>().WithMessage("nope.png: file not found");
    }

    [Fact]
    public void Read_ManySmallSegmentsWithoutFrame_StopsAtTheBound()
    {
        var segments = Enumerable.Repeat(Segment(0xE1, 2), 5000).ToArray();
        var path = Write("many.jpg", Jpeg(segments));

        var act = () => ImageHeader.Read(path);

        act.Should().Throw<ImagingException>().WithMessage("*frame header not found*");
    }

    private string Write(string name, byte[] bytes)
    {
        var path = _temp.Combine(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static byte[] Png(uint width, uint height, int trailing = 0)
    {
        var bytes = new byte[8 + 25 + trailing];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(bytes, 0);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(8), 13);
        "IHDR"u8.CopyTo(bytes.AsSpan(12));
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(16), width);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(20), height);
        bytes[24] = 8;
        bytes[25] = 6;
        return bytes;
    }

    private static byte[] Jpeg(params byte[][] segments) => [0xFF, 0xD8, .. segments.SelectMany(s => s), 0xFF, 0xD9];

    private static byte[] Segment(int marker, int length, byte[]? fill = null)
    {
        var bytes = new byte[2 + length];
        bytes[0] = 0xFF;
        bytes[1] = (byte)marker;
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(2), (ushort)length);
        for (var i = 4; i < bytes.Length && fill is not null; i++)
        {
            bytes[i] = fill[(i - 4) % fill.Length];
        }

        return bytes;
    }

    private static byte[] Frame(int marker, ushort width, ushort height)
    {
        var bytes = Segment(marker, 17);
        bytes[4] = 8;
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(5), height);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(7), width);
        bytes[9] = 3;
        return bytes;
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "StarSend.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("StarSend.sln not found above the test folder");
    }
}
