using StarSend.Core.Sequences;
using StarSend.Core.Steps;
using StarSend.Core.Tests.Steps;
using StarSend.Core.Workflow;
using StarSend.Imaging;
using StarSend.Imaging.Grids;
using StarSend.Testing;

namespace StarSend.Core.Tests.Workflow;

/// <summary>
/// Images as the field sends them (issue #8, items 4 and 10), through grid, pick and generate against the emulator:
/// JPEG and WebP grids whatever their label, phone JPEGs with EXIF rotation and CMYK JPEGs as elements.
/// </summary>
public sealed class FieldImageTests
{
    [Theory]
    [InlineData("jpeg", ".jpg", ImageFormat.Jpeg)]
    [InlineData("jpeg-labelled-png", ".jpg", ImageFormat.Jpeg)]
    [InlineData("webp", ".webp", ImageFormat.WebP)]
    public async Task GridPickGenerate_GridInAnotherFormat_IsKeptUnderItsOwnExtensionAndUsed(string fault, string extension, ImageFormat format)
    {
        await using var h = await StepHarness.StartAsync(faults: $"gemini:{fault}");
        var runner = h.Runner();

        var outcome = await h.Clock.RunAsync(runner.GridAsync("SEQ01", again: false, null, CancellationToken.None));

        outcome.Succeeded.Should().BeTrue(outcome.Message);
        h.Requests("gemini").Should().Be(1, "the paid grid is used, not thrown away and asked again");
        var grid = h.Sequence("SEQ01").Grids.Should().ContainSingle().Subject;
        grid.Kind.Should().Be("model");
        grid.File.Should().EndWith($"SEQ01_grid{extension}");
        var gridBytes = File.ReadAllBytes(h.Paths.Full(grid.File!));
        ImageFormats.Detect(gridBytes).Should().Be(format);
        var output = h.Execution("SEQ01_grid#1").Outputs.Should().ContainSingle().Subject;
        output.Path.Should().EndWith(extension);
        File.ReadAllBytes(output.Path).Should().Equal(gridBytes, "the paid bytes are kept exactly as they came");
        Directory.GetFiles(h.Paths.GridsDir, "*.png").Should().BeEmpty("no paid JPEG/WebP is stored under .png");

        var picked = await runner.PickAsync("SEQ01", new GridCell(0, 1), null, null, CancellationToken.None);

        var expected = GridCells.Extract(ImageCodec.Decode(gridBytes), 0, 1, gridSize: 2, trimGutters: true);
        ImageCodec.Decode(h.Paths.Full(picked.StartFrame!.File)).Pixels.Should().Equal(expected.Pixels);

        var take = await h.GenerateAsync(runner, "SEQ01");

        take.Succeeded.Should().BeTrue(take.Message);
        h.Sequence("SEQ01").State.Should().Be(SequenceState.Review);
    }

    [Fact]
    public async Task Generate_PhoneJpegElementWithExifRotation_IsSentUprightAndTheFileIsKept()
    {
        await using var h = await StepHarness.StartAsync();
        var upright = Portrait(480, 640);
        var phone = TestImages.PhoneJpeg(upright, orientation: 6);
        var element = h.ElementFile("lighthouse");
        File.WriteAllBytes(element, phone);
        var runner = h.Runner();
        await h.PickedAsync(runner, "SEQ01", new GridCell(0, 0));

        var take = await h.GenerateAsync(runner, "SEQ01");

        take.Succeeded.Should().BeTrue(take.Message);
        File.ReadAllBytes(element).Should().Equal(phone, "the producer's file is never rewritten");
        var sent = await UploadedAsync(h, element);
        var info = ImageHeader.Read(sent, "sent");
        (info.Width, info.Height, info.Orientation).Should().Be((480, 640, 1), "Kling gets the photo upright, not sideways");
        var image = ImageCodec.Decode(sent);
        image.Pixels[((20 * 480) + 240) * 4].Should().BeGreaterThan(180, "the top of the upright picture is red");
        image.Pixels[(((620 * 480) + 240) * 4) + 2].Should().BeGreaterThan(180, "the bottom is blue");
    }

    [Fact]
    public async Task Generate_CmykJpegElement_IsSentAsSrgb()
    {
        await using var h = await StepHarness.StartAsync();
        var element = h.ElementFile("lantern");
        File.WriteAllBytes(element, TestImages.CmykJpeg());
        var runner = h.Runner();
        await h.PickedAsync(runner, "SEQ01", new GridCell(1, 0));

        var take = await h.GenerateAsync(runner, "SEQ01");

        take.Succeeded.Should().BeTrue(take.Message);
        var sent = await UploadedAsync(h, element);
        ImageHeader.Read(sent, "sent").Cmyk.Should().BeFalse();
        var image = ImageCodec.Decode(sent);
        image.Pixels.AsSpan(((40 * 400) + 40) * 4, 3).ToArray().Should().Match<byte[]>(p => p[0] > 150 && p[1] < 100 && p[2] < 100, "the left half is red");
    }

    private static async Task<byte[]> UploadedAsync(StepHarness h, string file)
    {
        var url = h.ReadExecutions().Uploads[await Fingerprint.OfFileAsync(file, CancellationToken.None)].Url;
        return await h.Http.GetByteArrayAsync(url);
    }

    /// <summary>Red top half, blue bottom half.</summary>
    private static RgbaImage Portrait(int width, int height)
    {
        var image = new RgbaImage(width, height);
        for (var i = 0; i < width * height; i++)
        {
            byte[] colour = i / width < height / 2 ? [220, 30, 30, 255] : [30, 40, 220, 255];
            colour.CopyTo(image.Pixels, i * 4);
        }

        return image;
    }
}
