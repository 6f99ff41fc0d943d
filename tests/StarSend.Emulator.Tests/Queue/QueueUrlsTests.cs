using StarSend.Emulator.Queue;

namespace StarSend.Emulator.Tests.Queue;

public class QueueUrlsTests
{
    [Theory]
    [InlineData("fal-ai/kling-video/o3/pro/reference-to-video", "fal-ai/kling-video")]
    [InlineData("fal-ai/flux", "fal-ai/flux")]
    [InlineData("workflows/someone/my-flow/run", "workflows/someone/my-flow")]
    [InlineData("comfy/someone/graph", "comfy/someone/graph")]
    [InlineData("fal-ai", null)]
    [InlineData("workflows/someone", null)]
    public void AppPath_KeepsOwnerAndAliasOnly(string modelId, string? expected) =>
        QueueUrls.AppPath(modelId).Should().Be(expected);

    [Fact]
    public void Urls_AreBuiltOnTheAppPath()
    {
        QueueUrls.Status("http://127.0.0.1:1", "fal-ai/kling-video", "abc").Should().Be("http://127.0.0.1:1/fal-ai/kling-video/requests/abc/status");
        QueueUrls.Cancel("http://127.0.0.1:1", "fal-ai/kling-video", "abc").Should().Be("http://127.0.0.1:1/fal-ai/kling-video/requests/abc/cancel");
        QueueUrls.Response("http://127.0.0.1:1", "fal-ai/kling-video", "abc").Should().Be("http://127.0.0.1:1/fal-ai/kling-video/requests/abc");
    }
}
