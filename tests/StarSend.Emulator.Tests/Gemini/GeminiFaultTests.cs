using System.Net;
using StarSend.Imaging;

namespace StarSend.Emulator.Tests.Gemini;

public class GeminiFaultTests
{
    [Theory]
    [InlineData("no-image", "NO_IMAGE")]
    [InlineData("image-safety", "IMAGE_SAFETY")]
    public async Task Generate_NoImageFaults_Are200WithoutInlineData(string fault, string finishReason)
    {
        await using var emulator = await EmulatorHarness.StartAsync(o => o with { Faults = $"gemini:{fault}@1" });

        var (code, body) = await GeminiEndpointTests.GenerateAsync(emulator, GeminiEndpointTests.Request("a 2x2 grid", "16:9"));

        code.Should().Be(HttpStatusCode.OK);
        body["candidates"]![0]!["finishReason"]!.GetValue<string>().Should().Be(finishReason);
        body.ToJsonString().Should().NotContain("inlineData");
        emulator.Server.GetStats().ImagesGenerated.Should().Be(0);
    }

    [Fact]
    public async Task Generate_Blocked_HasNoCandidatesAndABlockReason()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o => o with { Faults = "gemini:blocked" });

        var (code, body) = await GeminiEndpointTests.GenerateAsync(emulator, GeminiEndpointTests.Request("a 2x2 grid", "16:9"));

        code.Should().Be(HttpStatusCode.OK);
        body.ContainsKey("candidates").Should().BeFalse();
        body["promptFeedback"]!["blockReason"]!.GetValue<string>().Should().Be("SAFETY");
    }

    [Fact]
    public async Task Generate_TextOnly_HasATextPartOnly()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o => o with { Faults = "gemini:text-only" });

        var (_, body) = await GeminiEndpointTests.GenerateAsync(emulator, GeminiEndpointTests.Request("a 2x2 grid", "16:9"));

        body["candidates"]![0]!["content"]!["parts"]!.AsArray().Should().ContainSingle().Which!["text"].Should().NotBeNull();
    }

    [Fact]
    public async Task Generate_NotGrid_IsOnePictureEvenWhenAGridIsAskedFor()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o => o with { Faults = "gemini:not-grid@1" });
        var request = GeminiEndpointTests.Request("a 2x2 grid of keyframes", "1:1");

        var single = ImageCodec.Decode(GeminiEndpointTests.ImageBytes((await GeminiEndpointTests.GenerateAsync(emulator, request)).Body));
        var grid = ImageCodec.Decode(GeminiEndpointTests.ImageBytes((await GeminiEndpointTests.GenerateAsync(emulator, request)).Body));

        WhiteRows(single, single.Width / 2).Should().BeLessThan(single.Height / 2);
        WhiteRows(grid, grid.Width / 2).Should().Be(grid.Height);
        emulator.Server.GetStats().ImagesGenerated.Should().Be(2);
    }

    [Theory]
    [InlineData("429=12", "PerMinute", "12s")]
    [InlineData("quota-day", "PerDay", "3600s")]
    public async Task Generate_Quota_Is429WithQuotaIdAndRetryDelay(string fault, string quotaKind, string retryDelay)
    {
        await using var emulator = await EmulatorHarness.StartAsync(o => o with { Faults = $"gemini:{fault}" });

        var (code, body) = await GeminiEndpointTests.GenerateAsync(emulator, GeminiEndpointTests.Request("x", "1:1"));
        var details = body["error"]!["details"]!.AsArray();

        code.Should().Be(HttpStatusCode.TooManyRequests);
        body["error"]!["status"]!.GetValue<string>().Should().Be("RESOURCE_EXHAUSTED");
        details.Single(d => d!["@type"]!.GetValue<string>().EndsWith("QuotaFailure", StringComparison.Ordinal))!["violations"]![0]!["quotaId"]!.GetValue<string>().Should().Contain(quotaKind);
        details.Single(d => d!["@type"]!.GetValue<string>().EndsWith("RetryInfo", StringComparison.Ordinal))!["retryDelay"]!.GetValue<string>().Should().Be(retryDelay);
    }

    [Theory]
    [InlineData("model-gone", 404, "NOT_FOUND")]
    [InlineData("500", 500, "INTERNAL")]
    [InlineData("503", 503, "UNAVAILABLE")]
    [InlineData("504", 504, "DEADLINE_EXCEEDED")]
    public async Task Generate_ErrorFaults_AreGoogleRpcErrors(string fault, int code, string status)
    {
        await using var emulator = await EmulatorHarness.StartAsync(o => o with { Faults = $"gemini:{fault}@1" });

        var (actual, body) = await GeminiEndpointTests.GenerateAsync(emulator, GeminiEndpointTests.Request("x", "1:1"));
        var (next, _) = await GeminiEndpointTests.GenerateAsync(emulator, GeminiEndpointTests.Request("x", "1:1"));

        ((int)actual).Should().Be(code);
        body["error"]!["code"]!.GetValue<int>().Should().Be(code);
        body["error"]!["status"]!.GetValue<string>().Should().Be(status);
        next.Should().Be(HttpStatusCode.OK);
        emulator.Server.GetStats().Requests["gemini"].Should().Be(2);
    }

    private static int WhiteRows(StarSend.Imaging.RgbaImage image, int x) =>
        Enumerable.Range(0, image.Height).Count(y => image.Row(y)[x * 4] == 255 && image.Row(y)[(x * 4) + 1] == 255 && image.Row(y)[(x * 4) + 2] == 255);
}
