using StarSend.Imaging;
using StarSend.Imaging.Grids;

namespace StarSend.Emulator.Tests.Gemini;

/// <summary>The field's image formats as fault kinds: JPEG (also labelled image/png) and WebP grids.</summary>
public sealed class GeminiImageFormatTests
{
    [Theory]
    [InlineData("jpeg", ImageFormat.Jpeg, "image/jpeg")]
    [InlineData("jpeg-labelled-png", ImageFormat.Jpeg, "image/png")]
    [InlineData("webp", ImageFormat.WebP, "image/webp")]
    [InlineData(null, ImageFormat.Png, "image/png")]
    public async Task Generate_FormatFault_AnswersAGridInThatFormatWithThatLabel(string? fault, ImageFormat format, string label)
    {
        await using var emulator = await EmulatorHarness.StartAsync(o => o with { Faults = fault is null ? null : $"gemini:{fault}@1" });

        var (_, body) = await GeminiEndpointTests.GenerateAsync(emulator, GeminiEndpointTests.Request("a 2x2 grid of keyframes", "16:9"));

        var part = body["candidates"]![0]!["content"]!["parts"]!.AsArray().Single(p => p!["inlineData"] is not null)!["inlineData"]!;
        part["mimeType"]!.GetValue<string>().Should().Be(label);
        var bytes = Convert.FromBase64String(part["data"]!.GetValue<string>());
        ImageFormats.Detect(bytes).Should().Be(format);
        GridDetector.Detect(ImageCodec.Decode(bytes)).IsGrid.Should().BeTrue();
    }

    [Fact]
    public async Task Generate_FormatFaultOnTheFirstCall_SecondCallIsPngAgain()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o => o with { Faults = "gemini:webp@1" });
        var request = GeminiEndpointTests.Request("a 2x2 grid", "1:1");

        var first = GeminiEndpointTests.ImageBytes((await GeminiEndpointTests.GenerateAsync(emulator, request)).Body);
        var second = GeminiEndpointTests.ImageBytes((await GeminiEndpointTests.GenerateAsync(emulator, request)).Body);

        (ImageFormats.Detect(first), ImageFormats.Detect(second)).Should().Be((ImageFormat.WebP, ImageFormat.Png));
    }
}
