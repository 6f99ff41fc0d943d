using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using StarSend.Imaging.Grids;
using StarSend.Imaging;

namespace StarSend.Emulator.Tests.Gemini;

public class GeminiEndpointTests
{
    private const string Model = "gemini-3.1-flash-image-preview";

    [Fact]
    public async Task Generate_GridPrompt_ReturnsA2x2GridPngSizedForTheAspectRatio()
    {
        await using var emulator = await EmulatorHarness.StartAsync();

        var (code, body) = await GenerateAsync(emulator, Request("A 2x2 grid of four keyframes of a harbour", "16:9"));
        var parts = body["candidates"]![0]!["content"]!["parts"]!.AsArray();
        var image = ImageCodec.Decode(Convert.FromBase64String(parts.Single(p => p!["inlineData"] is not null)!["inlineData"]!["data"]!.GetValue<string>()));

        code.Should().Be(HttpStatusCode.OK);
        parts.Should().Contain(p => p!["text"] != null);
        parts.Single(p => p!["inlineData"] is not null)!["inlineData"]!["mimeType"]!.GetValue<string>().Should().Be("image/png");
        (image.Width, image.Height).Should().Be((1344, 768));
        IsWhiteColumn(image, image.Width / 2).Should().BeTrue();
        GridDetector.Detect(image).IsGrid.Should().BeTrue();
        body["candidates"]![0]!["finishReason"]!.GetValue<string>().Should().Be("STOP");
        body["usageMetadata"]!["candidatesTokensDetails"]![0]!["modality"]!.GetValue<string>().Should().Be("IMAGE");
        body["usageMetadata"]!["candidatesTokensDetails"]![0]!["tokenCount"]!.GetValue<int>().Should().Be(1290);
        body["modelVersion"]!.GetValue<string>().Should().Be(Model);
        emulator.Server.GetStats().ImagesGenerated.Should().Be(1);
    }

    [Fact]
    public async Task Generate_SinglePicturePrompt_ReturnsOnePicture()
    {
        await using var emulator = await EmulatorHarness.StartAsync();

        var (_, body) = await GenerateAsync(emulator, Request("The singer on the pier at dawn", "1:1"));
        var image = ImageCodec.Decode(ImageBytes(body));

        (image.Width, image.Height).Should().Be((1024, 1024));
        IsWhiteColumn(image, image.Width / 2).Should().BeFalse();
        GridDetector.Detect(image).IsGrid.Should().BeFalse();
    }

    [Fact]
    public async Task Generate_SamePrompt_SameBytes_OtherPrompt_OtherBytes()
    {
        await using var emulator = await EmulatorHarness.StartAsync();

        var first = ImageBytes((await GenerateAsync(emulator, Request("2x2 grid: neon harbour", "16:9"))).Body);
        var again = ImageBytes((await GenerateAsync(emulator, Request("2x2 grid: neon harbour", "16:9"))).Body);
        var other = ImageBytes((await GenerateAsync(emulator, Request("2x2 grid: desert road", "16:9"))).Body);

        again.Should().Equal(first);
        other.SequenceEqual(first).Should().BeFalse();
    }

    [Fact]
    public async Task Generate_SnakeCaseInlineDataAndImageOnly_IsAccepted()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var request = JsonNode.Parse("""
            {"contents":[{"role":"user","parts":[{"text":"a grid"},{"inline_data":{"mime_type":"image/png","data":"iVBORw0KGgo="}}]}],
             "generation_config":{"response_modalities":["Image"],"image_config":{"aspect_ratio":"9:16"}}}
            """)!;

        var (code, body) = await GenerateAsync(emulator, request);
        var parts = body["candidates"]![0]!["content"]!["parts"]!.AsArray();

        code.Should().Be(HttpStatusCode.OK);
        parts.Should().ContainSingle().Which!["inlineData"].Should().NotBeNull();
        body["usageMetadata"]!["promptTokensDetails"]!.AsArray().Should().Contain(d => d!["modality"]!.GetValue<string>() == "IMAGE");
    }

    [Fact]
    public async Task Generate_KeyInQueryOrHeader_WithoutKey403()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        using var plain = new HttpClient { BaseAddress = emulator.Server.BaseUrl };

        using var none = await plain.PostAsync($"/v1beta/models/{Model}:generateContent", Content(Request("x", "1:1")));
        using var query = await plain.PostAsync($"/v1beta/models/{Model}:generateContent?key=abc", Content(Request("x", "1:1")));

        none.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await EmulatorHarness.JsonAsync(none))["error"]!["status"]!.GetValue<string>().Should().Be("PERMISSION_DENIED");
        query.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("gemini-2.5-flash-image", "retired")]
    [InlineData("gemini-1.0-pro", "ListModels")]
    public async Task Generate_UnknownOrRetiredModel_Is404NotFound(string model, string message)
    {
        await using var emulator = await EmulatorHarness.StartAsync();

        var (code, body) = await GenerateAsync(emulator, Request("x", "1:1"), model);

        code.Should().Be(HttpStatusCode.NotFound);
        body["error"]!["status"]!.GetValue<string>().Should().Be("NOT_FOUND");
        body["error"]!["code"]!.GetValue<int>().Should().Be(404);
        body["error"]!["message"]!.GetValue<string>().Should().Contain(message);
        emulator.Server.GetStats().ByModel[model].Should().Be(1);
    }

    [Theory]
    [InlineData("""{"contents":[]}""")]
    [InlineData("""{"contents":[{"parts":[{"text":"x"}]}],"generationConfig":{"imageConfig":{"aspectRatio":"7:3"}}}""")]
    [InlineData("""{"contents":[{"parts":[{"inlineData":{"mimeType":"image/png","data":"***"}}]}]}""")]
    public async Task Generate_BadRequest_Is400InvalidArgument(string json)
    {
        await using var emulator = await EmulatorHarness.StartAsync();

        var (code, body) = await GenerateAsync(emulator, JsonNode.Parse(json)!);

        code.Should().Be(HttpStatusCode.BadRequest);
        body["error"]!["status"]!.GetValue<string>().Should().Be("INVALID_ARGUMENT");
    }

    internal static JsonObject Request(string prompt, string aspectRatio) => new()
    {
        ["contents"] = new JsonArray(new JsonObject { ["role"] = "user", ["parts"] = new JsonArray(new JsonObject { ["text"] = prompt }) }),
        ["generationConfig"] = new JsonObject
        {
            ["responseModalities"] = new JsonArray("TEXT", "IMAGE"),
            ["imageConfig"] = new JsonObject { ["aspectRatio"] = aspectRatio },
        },
    };

    internal static async Task<(HttpStatusCode Code, JsonObject Body)> GenerateAsync(EmulatorHarness emulator, JsonNode request, string model = Model)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, $"/v1beta/models/{model}:generateContent") { Content = Content(request) };
        message.Headers.Add("x-goog-api-key", "test-key");
        using var response = await emulator.Http.SendAsync(message);
        return (response.StatusCode, await EmulatorHarness.JsonAsync(response));
    }

    internal static byte[] ImageBytes(JsonObject body) => Convert.FromBase64String(
        body["candidates"]![0]!["content"]!["parts"]!.AsArray().Single(p => p!["inlineData"] is not null)!["inlineData"]!["data"]!.GetValue<string>());

    private static StringContent Content(JsonNode request) => new(request.ToJsonString(), Encoding.UTF8, "application/json");

    private static bool IsWhiteColumn(StarSend.Imaging.RgbaImage image, int x) =>
        Enumerable.Range(0, image.Height).All(y => image.Row(y)[x * 4] == 255 && image.Row(y)[(x * 4) + 1] == 255 && image.Row(y)[(x * 4) + 2] == 255);
}
