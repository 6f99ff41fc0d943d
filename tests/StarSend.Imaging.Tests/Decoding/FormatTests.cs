using StarSend.Testing;

namespace StarSend.Imaging.Tests.Decoding;

/// <summary>The files producers and providers actually send: JPEG, WebP, phone JPEGs with EXIF rotation, CMYK, HEIC.</summary>
public sealed class FormatTests
{
    private static readonly RgbaImage Picture = Quadrants(120, 80);

    [Theory]
    [InlineData(ImageFormat.Png)]
    [InlineData(ImageFormat.Jpeg)]
    [InlineData(ImageFormat.WebP)]
    public void Decode_EachFormat_GivesThePictureBack(ImageFormat format)
    {
        var bytes = ImageCodec.Encode(Picture, format);

        var image = ImageCodec.Decode(bytes);

        ImageFormats.Detect(bytes).Should().Be(format);
        (image.Width, image.Height).Should().Be((120, 80));
        Colour(image, 10, 10).Should().BeEquivalentTo(Colour(Picture, 10, 10), o => o.Using<int>(c => c.Subject.Should().BeCloseTo(c.Expectation, 24)).WhenTypeIs<int>());
        Colour(image, 110, 70).Should().BeEquivalentTo(Colour(Picture, 110, 70), o => o.Using<int>(c => c.Subject.Should().BeCloseTo(c.Expectation, 24)).WhenTypeIs<int>());
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void Decode_PhoneJpegWithExifOrientation_IsUpright(int orientation)
    {
        var jpeg = TestImages.PhoneJpeg(Picture, orientation);

        var image = ImageCodec.Decode(jpeg);
        var info = ImageHeader.Read(jpeg, "phone.jpg");

        (image.Width, image.Height).Should().Be((120, 80), "width and height are the upright ones");
        (info.Width, info.Height, info.Orientation, info.Rotated).Should().Be((120, 80, orientation, true));
        for (var (x, y) = (10, 10); x < 120; x += 90)
        {
            Dominant(image, x, y).Should().Be(Dominant(Picture, x, y), $"pixel ({x},{y}) under orientation {orientation}");
            Dominant(image, x, y + 60).Should().Be(Dominant(Picture, x, y + 60), $"pixel ({x},{y + 60}) under orientation {orientation}");
        }
    }

    [Fact]
    public void Decode_CmykJpeg_ConvertsToSrgb()
    {
        var cmyk = TestImages.CmykJpeg();

        var image = ImageCodec.Decode(cmyk);
        var info = ImageHeader.Read(cmyk, "logo.jpg");

        info.Cmyk.Should().BeTrue();
        (image.Width, image.Height).Should().Be((400, 320));
        Dominant(image, 40, 40).Should().Be('R', "the left half is red");
        Dominant(image, 360, 40).Should().Be('B', "the right half is blue");
    }

    [Fact]
    public void Decode_JpegBytesLabelledPng_IsReadAsJpeg()
    {
        var jpeg = ImageCodec.EncodeJpeg(Picture);

        var image = ImageCodec.Decode(jpeg, "grid.png");

        ImageFormats.Detect(jpeg).Should().Be(ImageFormat.Jpeg);
        image.Width.Should().Be(120);
    }

    [Fact]
    public void Decode_Heic_IsRefusedWithWhatToDo()
    {
        var act = () => ImageCodec.Decode(TestImages.HeicHeader(), "singer.heic");

        act.Should().Throw<ImagingException>().Which.Message.Should().Be(
            "singer.heic: HEIC/HEIF image (iPhone format), which the providers do not take; convert to JPEG or PNG");
    }

    [Fact]
    public void Decode_SixteenBitAlphaPng_GivesEightBitRgba()
    {
        var path = Path.Combine(TestData.SharedData, "pngsuite", "basn6a16.png");

        var info = ImageHeader.Read(path);
        var image = ImageCodec.Decode(path);

        (info.BitsPerChannel, info.HasAlpha).Should().Be((16, true));
        image.Pixels.Should().HaveCount(32 * 32 * 4);
        image.Pixels.Where((_, i) => i % 4 == 3).Should().Contain(b => b < 255, "alpha survives");
    }

    [Fact]
    public void ReadHeader_PngSuite_MatchesManifestDimensions()
    {
        foreach (var path in Directory.GetFiles(Path.Combine(TestData.SharedData, "pngsuite"), "b*.png"))
        {
            var info = ImageHeader.Read(path);
            var image = ImageCodec.Decode(path);

            (info.Format, info.Width, info.Height, info.Bytes).Should().Be((ImageFormat.Png, image.Width, image.Height, new FileInfo(path).Length));
        }
    }

    [Theory]
    [InlineData("GIF89a", "GIF image")]
    [InlineData("BM", "BMP image")]
    [InlineData("hello", "not a PNG, JPEG or WebP image")]
    [InlineData("", "empty file")]
    public void ReadHeader_ForeignFile_SaysWhatItIs(string start, string expected)
    {
        byte[] bytes = start.Length == 0 ? [] : [.. System.Text.Encoding.ASCII.GetBytes(start), .. new byte[8]];
        var act = () => ImageHeader.Read(bytes, "x");

        act.Should().Throw<ImagingException>().Which.Message.Should().Contain(expected);
    }

    internal static RgbaImage Quadrants(int width, int height)
    {
        var image = new RgbaImage(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                // Top-left red, top-right green, bottom-left blue, bottom-right white: every turn and flip differs.
                byte[] colour = (x < width / 2, y < height / 2) switch
                {
                    (true, true) => [230, 20, 20, 255],
                    (false, true) => [20, 200, 20, 255],
                    (true, false) => [20, 20, 230, 255],
                    _ => [250, 250, 250, 255],
                };
                colour.CopyTo(image.Pixels, ((y * width) + x) * 4);
            }
        }

        return image;
    }

    private static int[] Colour(RgbaImage image, int x, int y) =>
        [.. image.Pixels.AsSpan(((y * image.Width) + x) * 4, 3).ToArray().Select(b => (int)b)];

    private static char Dominant(RgbaImage image, int x, int y)
    {
        var c = Colour(image, x, y);
        return c.Min() > 200 ? 'W' : c[0] > c[1] && c[0] > c[2] ? 'R' : c[1] > c[2] ? 'G' : 'B';
    }
}
