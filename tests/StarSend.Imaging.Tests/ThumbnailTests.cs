using StarSend.Imaging.Tests.Decoding;
using StarSend.Testing;

namespace StarSend.Imaging.Tests;

public sealed class ThumbnailTests
{
    [Fact]
    public void Create_FromAPhoneJpeg_IsAnUprightJpegWithinTheEdge()
    {
        var phone = TestImages.PhoneJpeg(FormatTests.Quadrants(1200, 800), orientation: 6);

        var thumbnail = Thumbnails.Create(phone, 300);

        ImageFormats.Detect(thumbnail).Should().Be(ImageFormat.Jpeg);
        var image = ImageCodec.Decode(thumbnail);
        (image.Width, image.Height).Should().Be((300, 200));
        image.Pixels[((20 * 300) + 20) * 4].Should().BeGreaterThan(180, "the top-left quadrant is red, so the thumbnail is upright");
    }

    [Fact]
    public void Create_WithTransparency_IsAPng()
    {
        var thumbnail = Thumbnails.Create(File.ReadAllBytes(Path.Combine(TestData.SharedData, "pngsuite", "basn6a08.png")), 16);

        ImageFormats.Detect(thumbnail).Should().Be(ImageFormat.Png);
        ImageCodec.Decode(thumbnail).Width.Should().Be(16);
    }

    [Fact]
    public void Create_FromBrokenBytes_ThrowsTheImagingError()
    {
        var act = () => Thumbnails.Create(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, 100, "take.png");

        act.Should().Throw<ImagingException>().Which.Message.Should().StartWith("take.png: ");
    }
}
