using StarSend.Core.Errors;
using StarSend.Core.Steps;
using StarSend.Core.Tests.Steps;
using StarSend.Core.Workflow;
using StarSend.Imaging;

namespace StarSend.Core.Tests.Workflow;

/// <summary>
/// Grids as they come back (issue #8, item 11) and start frames Kling would refuse (item 8), against the emulator:
/// another shape than asked, a cell Kling cannot take, a start frame over 10 MB.
/// </summary>
public sealed class GridShapeTests
{
    [Fact]
    public async Task GridAndPick_AspectRatioDroppedOnTheWay_TheGridAndTheStartFrameSaySoAndPickStillWorks()
    {
        await using var h = await StepHarness.StartAsync(faults: "gemini:aspect-dropped");
        var runner = h.Runner();

        var outcome = await h.Clock.RunAsync(runner.GridAsync("SEQ02", again: false, null, CancellationToken.None));

        outcome.Succeeded.Should().BeTrue(outcome.Message);
        var grid = h.Sequence("SEQ02").Grids.Single();
        grid.Width.Should().Be(grid.Height, "the emulator answered a square, as a proxy that drops aspectRatio does");
        grid.AspectNote.Should().Be($"{grid.Width}x{grid.Height} is 1.00:1, not the {h.Plan.AspectRatio} asked");

        var picked = await runner.PickAsync("SEQ02", new GridCell(1, 1), null, null, CancellationToken.None);

        picked.StartFrame!.AspectNote.Should().StartWith($"{picked.StartFrame.Width}x{picked.StartFrame.Height} is ").And.EndWith($"not the {h.Plan.AspectRatio} asked");
    }

    [Fact]
    public async Task Pick_CellTooWideForKling_IsRefusedAndNothingIsWritten()
    {
        await using var h = await StepHarness.StartAsync();
        var runner = h.Runner();
        await h.Clock.RunAsync(runner.GridAsync("SEQ02", again: false, null, CancellationToken.None));
        var gridFile = h.Paths.Full(h.Sequence("SEQ02").Grids.Single().File!);
        File.WriteAllBytes(gridFile, ImageCodec.EncodePng(Noise(4000, 1200, seed: 5)));

        var act = () => runner.PickAsync("SEQ02", new GridCell(0, 0), null, null, CancellationToken.None);

        (await act.Should().ThrowAsync<BadInputException>()).Which.Message.Should().Be(
            "SEQ02: cell r0c0 of grid 1 is 2000x600; the video model takes start frames between 1:2.5 and 2.5:1");
        h.Sequence("SEQ02").StartFrame.Should().BeNull();
        Directory.Exists(h.Paths.StartFramesDir).Should().BeFalse();
    }

    [Fact]
    public async Task Generate_StartFrameOver10MB_IsSentAsAJpegUnderTheLimitAndThePickedPngIsKept()
    {
        await using var h = await StepHarness.StartAsync();
        var runner = h.Runner();
        await h.Clock.RunAsync(runner.GridAsync("SEQ02", again: false, null, CancellationToken.None));
        var gridFile = h.Paths.Full(h.Sequence("SEQ02").Grids.Single().File!);
        File.WriteAllBytes(gridFile, ImageCodec.EncodePng(Noise(5000, 3000, seed: 8)));
        var picked = await runner.PickAsync("SEQ02", new GridCell(0, 0), null, null, CancellationToken.None);
        var frame = h.Paths.Full(picked.StartFrame!.File);
        var original = File.ReadAllBytes(frame);
        original.Length.Should().BeGreaterThan(10 * 1024 * 1024, "the test needs a start frame Kling refuses as it is");

        var take = await h.GenerateAsync(runner, "SEQ02");

        take.Succeeded.Should().BeTrue(take.Message);
        File.ReadAllBytes(frame).Should().Equal(original, "the picked original is kept");
        var url = h.ReadExecutions().Uploads[await Fingerprint.OfFileAsync(frame, CancellationToken.None)].Url;
        var sent = await h.Http.GetByteArrayAsync(url);
        sent.Length.Should().BeLessThanOrEqualTo(10 * 1024 * 1024);
        ImageFormats.Detect(sent).Should().Be(ImageFormat.Jpeg);
        h.Stats.SubmitsAccepted.Should().Be(1);
    }

    /// <summary>Random pixels: no gutter to find, and a PNG as large as its raw pixels.</summary>
    private static RgbaImage Noise(int width, int height, int seed)
    {
        var image = new RgbaImage(width, height);
        new Random(seed).NextBytes(image.Pixels);
        for (var i = 3; i < image.Pixels.Length; i += 4)
        {
            image.Pixels[i] = 255;
        }

        return image;
    }
}
