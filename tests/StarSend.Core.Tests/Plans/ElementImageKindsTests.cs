using System.Text.Json.Nodes;
using StarSend.Core.Errors;
using StarSend.Imaging;

namespace StarSend.Core.Tests.Plans;

/// <summary>Element images from phones and design tools (issue #8, item 10), as <c>validate</c> reports them: all at once.</summary>
public sealed class ElementImageKindsTests : IDisposable
{
    private readonly PlanFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public void Load_PhoneAndDesignToolImages_AreAcceptedWithANoteEach()
    {
        // A phone photo held sideways: stored 640x480 (too wide for nothing), upright 480x640.
        File.WriteAllBytes(_fixture.Combine("elements", "phone.jpg"), StarSend.Testing.TestImages.PhoneJpeg(Solid(480, 640), orientation: 6));
        File.WriteAllBytes(_fixture.Combine("elements", "logo.jpg"), StarSend.Testing.TestImages.CmykJpeg());
        File.WriteAllBytes(_fixture.Combine("elements", "deep.png"), File.ReadAllBytes(Path.Combine(SharedData, "pngsuite", "basn6a16.png")));
        File.WriteAllBytes(_fixture.Combine("elements", "web.webp"), ImageCodec.EncodeWebp(Solid(400, 400)));
        var plan = PlanFixture.ValidPlan();
        plan["elements"]![0]!["image"] = "elements/phone.jpg";
        plan["elements"]![0]!["reference_images"] = new JsonArray("elements/logo.jpg", "elements/web.webp");
        plan["elements"]![1]!["image"] = "elements/logo.jpg";

        var report = _fixture.Load(plan);

        report.Warnings.Should().ContainSingle(w => w.Path == "$.elements[0].image")
            .Which.Reason.Should().Be("phone.jpg is a rotated photo (EXIF orientation 6); its upright size is 480x640 px and it is sent upright");
        report.Warnings.Should().Contain(w => w.Path == "$.elements[1].image" && w.Reason == "logo.jpg is a CMYK JPEG; it is converted to sRGB when sent");
        report.Warnings.Should().Contain(w => w.Path == "$.elements[0].reference_images[0]" && w.Reason.Contains("CMYK", StringComparison.Ordinal));
        report.Warnings.Should().NotContain(w => w.Path == "$.elements[0].reference_images[1]", "WebP is read as it is");
    }

    [Fact]
    public void Load_HeicAndOtherBadImages_AreAllReportedAtOnce()
    {
        File.WriteAllBytes(_fixture.Combine("elements", "IMG_0042.HEIC"), StarSend.Testing.TestImages.HeicHeader());
        File.WriteAllBytes(_fixture.Combine("elements", "tiny.jpg"), StarSend.Testing.TestImages.PhoneJpeg(Solid(200, 640), orientation: 8));
        var plan = PlanFixture.ValidPlan();
        plan["elements"]![0]!["image"] = "elements/IMG_0042.HEIC";
        plan["elements"]![1]!["image"] = "elements/tiny.jpg";

        var act = () => _fixture.Load(plan);

        var problems = act.Should().Throw<PlanInvalidException>().Which.Problems;
        problems.Should().Contain(p => p.Path == "$.elements[0].image" && p.Reason.EndsWith("convert to JPEG or PNG", StringComparison.Ordinal));
        problems.Should().Contain(p => p.Path == "$.elements[1].image" && p.Reason.Contains("200x640", StringComparison.Ordinal),
            "the upright size is checked: 200 px wide is under Kling's 300");
    }

    private static string SharedData => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "..", "shared", "data"));

    private static RgbaImage Solid(int width, int height)
    {
        var image = new RgbaImage(width, height);
        image.Pixels.AsSpan().Fill(200);
        return image;
    }
}
