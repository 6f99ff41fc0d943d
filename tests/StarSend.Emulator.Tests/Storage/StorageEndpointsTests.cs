using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace StarSend.Emulator.Tests.Storage;

public class StorageEndpointsTests
{
    [Fact]
    public async Task Upload_InitiatePutGet_ServesTheSameBytes()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var bytes = Enumerable.Range(0, 1000).Select(i => (byte)(i * 7)).ToArray();

        var (uploadUrl, fileUrl) = await InitiateAsync(emulator, "start frame.png", "image/png");
        using var put = await PutAsync(emulator, uploadUrl, bytes, "image/png");
        using var get = await emulator.Http.GetAsync(fileUrl);

        put.StatusCode.Should().Be(HttpStatusCode.OK);
        get.StatusCode.Should().Be(HttpStatusCode.OK);
        get.Content.Headers.ContentType!.MediaType.Should().Be("image/png");
        (await get.Content.ReadAsByteArrayAsync()).Should().Equal(bytes);
        fileUrl.Should().StartWith(emulator.Base + "/files/").And.EndWith("/start_frame.png");
        var stats = emulator.Server.GetStats();
        (stats.Requests["upload_initiate"], stats.Requests["upload_put"], stats.Requests["download"]).Should().Be((1, 1, 1));
    }

    [Theory]
    [InlineData("bytes=2-5", 206, 2, 4)]
    [InlineData("bytes=990-", 206, 990, 10)]
    [InlineData("bytes=-3", 206, 997, 3)]
    [InlineData("bytes=5000-", 416, 0, 0)]
    public async Task Download_Range_ServesThePart(string range, int code, int offset, int length)
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var bytes = Enumerable.Range(0, 1000).Select(i => (byte)i).ToArray();
        var (uploadUrl, fileUrl) = await InitiateAsync(emulator, "a.bin", "application/octet-stream");
        (await PutAsync(emulator, uploadUrl, bytes, "application/octet-stream")).Dispose();
        using var request = new HttpRequestMessage(HttpMethod.Get, fileUrl);
        request.Headers.TryAddWithoutValidation("Range", range);

        using var response = await emulator.Http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();

        ((int)response.StatusCode).Should().Be(code);
        body.Should().Equal(bytes.Skip(offset).Take(length));
        if (code == 206)
        {
            response.Content.Headers.ContentRange!.ToString().Should().Be($"bytes {offset}-{offset + length - 1}/1000");
        }
    }

    [Fact]
    public async Task Initiate_WithoutKey_Is401()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        emulator.Http.DefaultRequestHeaders.Authorization = null;

        using var response = await emulator.PostJsonAsync("/storage/upload/initiate?storage_type=fal-cdn-v3", new JsonObject { ["content_type"] = "image/png", ["file_name"] = "a.png" });

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Download_BeforePutOrUnknown_Is404()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var (_, fileUrl) = await InitiateAsync(emulator, "a.png", "image/png");

        using var early = await emulator.Http.GetAsync(fileUrl);
        using var unknown = await emulator.Http.GetAsync("/files/nope/a.png");

        early.StatusCode.Should().Be(HttpStatusCode.NotFound);
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Multipart_PartsAndComplete_JoinInOrder()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        using var initiate = await emulator.PostJsonAsync("/storage/upload/initiate-multipart?storage_type=fal-cdn-v3", new JsonObject { ["content_type"] = "video/mp4", ["file_name"] = "big.mp4" });
        var urls = await EmulatorHarness.JsonAsync(initiate);
        var upload = new Uri(urls["upload_url"]!.GetValue<string>());
        var partBase = $"{upload.GetLeftPart(UriPartial.Path)}";

        using var part2 = await PutAsync(emulator, $"{partBase}/2{upload.Query}", [4, 5], "video/mp4");
        using var part1 = await PutAsync(emulator, $"{partBase}/1{upload.Query}", [1, 2, 3], "video/mp4");
        var parts = new JsonArray((JsonNode)(await EmulatorHarness.JsonAsync(part1)).DeepClone(), (await EmulatorHarness.JsonAsync(part2)).DeepClone());
        using var complete = await emulator.PostJsonAsync($"{partBase}/complete{upload.Query}", new JsonObject { ["parts"] = parts });
        var file = await emulator.Http.GetByteArrayAsync(urls["file_url"]!.GetValue<string>());

        complete.StatusCode.Should().Be(HttpStatusCode.OK);
        file.Should().Equal(1, 2, 3, 4, 5);
    }

    [Fact]
    public async Task Download_Truncate_CutsTheBodyShortOfContentLength()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o => o with { Faults = "download:truncate=0.5" });
        var (uploadUrl, fileUrl) = await InitiateAsync(emulator, "a.bin", "application/octet-stream");
        (await PutAsync(emulator, uploadUrl, new byte[100_000], "application/octet-stream")).Dispose();

        var download = () => emulator.Http.GetByteArrayAsync(fileUrl);

        await download.Should().ThrowAsync<HttpRequestException>();
    }

    internal static async Task<(string UploadUrl, string FileUrl)> InitiateAsync(EmulatorHarness emulator, string name, string contentType)
    {
        using var response = await emulator.PostJsonAsync("/storage/upload/initiate?storage_type=fal-cdn-v3", new JsonObject { ["content_type"] = contentType, ["file_name"] = name });
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await EmulatorHarness.JsonAsync(response);
        return (body["upload_url"]!.GetValue<string>(), body["file_url"]!.GetValue<string>());
    }

    internal static async Task<HttpResponseMessage> PutAsync(EmulatorHarness emulator, string url, byte[] bytes, string contentType)
    {
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        using var plain = new HttpClient();
        return await plain.PutAsync(url, content);
    }
}
