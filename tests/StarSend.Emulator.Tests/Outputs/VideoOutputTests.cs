using System.Net;
using System.Text.Json.Nodes;
using StarSend.Emulator.Tests.Storage;
using StarSend.Imaging;
using StarSend.Imaging.Video;
using StarSend.Testing;

namespace StarSend.Emulator.Tests.Outputs;

public class VideoOutputTests
{
    [Fact]
    public async Task Video_MultiShot_LastsTheSumOfTheShots()
    {
        await using var emulator = await EmulatorHarness.StartAsync();

        var (info, _) = await RunJobAsync(emulator, EmulatorHarness.MultiShot("3", "4", "5"));

        info.DurationS.Should().BeApproximately(12, 0.05);
        (info.Width, info.Height).Should().Be((640, 360));
    }

    [Fact]
    public async Task Video_SinglePromptPortrait_UsesDurationAndAspect()
    {
        await using var emulator = await EmulatorHarness.StartAsync();

        var (info, _) = await RunJobAsync(emulator, new JsonObject { ["prompt"] = "x", ["duration"] = "6", ["aspect_ratio"] = "9:16" });

        info.DurationS.Should().BeApproximately(6, 0.05);
        (info.Width, info.Height).Should().Be((360, 640));
    }

    [Theory]
    [InlineData(320, 180, 320, 180)]
    [InlineData(1000, 600, 640, 384)]
    [InlineData(333, 201, 332, 200)]
    public async Task Video_UploadedStartFrame_SetsTheFrameSize(int width, int height, int videoWidth, int videoHeight)
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var (uploadUrl, fileUrl) = await StorageEndpointsTests.InitiateAsync(emulator, "start.png", "image/png");
        (await StorageEndpointsTests.PutAsync(emulator, uploadUrl, ImageCodec.EncodePng(new RgbaImage(width, height)), "image/png")).Dispose();
        var input = EmulatorHarness.MultiShot("3");
        input["start_image_url"] = fileUrl;

        var (info, _) = await RunJobAsync(emulator, input);

        (info.Width, info.Height).Should().Be((videoWidth, videoHeight));
    }

    [Fact]
    public async Task Video_IsMadeOnceAndServedWithRanges()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var (_, url) = await RunJobAsync(emulator, EmulatorHarness.MultiShot("3"));

        var first = await emulator.Http.GetByteArrayAsync(url);
        var second = await emulator.Http.GetByteArrayAsync(url);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Range", "bytes=0-7");
        using var ranged = await emulator.Http.SendAsync(request);

        second.Should().Equal(first);
        ranged.StatusCode.Should().Be(HttpStatusCode.PartialContent);
        (await ranged.Content.ReadAsByteArrayAsync()).Should().Equal(first.Take(8));
        System.Text.Encoding.ASCII.GetString(first, 4, 4).Should().Be("ftyp");
    }

    private static async Task<(Mp4Info Info, string Url)> RunJobAsync(EmulatorHarness emulator, JsonObject input)
    {
        var job = await emulator.SubmitAsync(input);
        emulator.Time.Advance(emulator.Options.QueueWait + emulator.Options.RunTime);
        using var result = await emulator.Http.GetAsync(job["response_url"]!.GetValue<string>());
        result.StatusCode.Should().Be(HttpStatusCode.OK);
        var video = (await EmulatorHarness.JsonAsync(result))["video"]!;
        var url = video["url"]!.GetValue<string>();
        var bytes = await emulator.Http.GetByteArrayAsync(url);
        bytes.Length.Should().Be(video["file_size"]!.GetValue<int>());
        using var temp = new TempDirectory();
        var path = temp.Combine("take.mp4");
        await File.WriteAllBytesAsync(path, bytes);
        return (Mp4Inspector.Inspect(path), url);
    }
}
