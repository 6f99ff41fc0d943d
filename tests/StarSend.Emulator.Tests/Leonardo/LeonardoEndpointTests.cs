using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using StarSend.Imaging;

namespace StarSend.Emulator.Tests.Leonardo;

/// <summary>The emulator's Leonardo API, spoken raw: the rules a client must follow and the shapes it must read (issue #11).</summary>
public sealed class LeonardoEndpointTests
{
    [Fact]
    public async Task InitImage_AnswersFieldsAsAJsonStringAndAPresignedUrl()
    {
        await using var h = await EmulatorHarness.StartAsync();

        var init = await InitAsync(h, "png");

        init["fields"]!.GetValueKind().Should().Be(System.Text.Json.JsonValueKind.String, "Leonardo sends the S3 fields as a JSON string, not an object");
        var fields = JsonNode.Parse(init["fields"]!.GetValue<string>())!.AsObject();
        fields.Select(f => f.Key).Should().Contain(["key", "Policy", "X-Amz-Signature", "Content-Type"]);
        init["url"]!.GetValue<string>().Should().StartWith(h.Server.BaseUrl.ToString().TrimEnd('/') + "/leonardo-s3/");
    }

    [Fact]
    public async Task InitImage_WrongExtension_IsTheDocumentedError()
    {
        await using var h = await EmulatorHarness.StartAsync();

        using var response = await Leonardo(h, HttpMethod.Post, "/api/rest/v1/init-image", new JsonObject { ["extension"] = "gif" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonObject>())!.ToJsonString().Should().Be("""{"error":"invalid file extension","path":"$","code":"unexpected"}""");
    }

    [Fact]
    public async Task InitImage_WithoutBearerKey_IsAccessDenied()
    {
        await using var h = await EmulatorHarness.StartAsync();

        using var response = await h.Http.PostAsync(h.Server.LeonardoUrl + "/v1/init-image", JsonContent.Create(new JsonObject { ["extension"] = "png" }));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).Should().Contain("access-denied");
    }

    [Fact]
    public async Task PresignedPost_FieldsThenFile_IsAcceptedAnd204()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var init = await InitAsync(h, "png");

        using var response = await PostFormAsync(h, init, Png(), fileFirst: false);

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task PresignedPost_FileBeforeTheFields_IsRefused()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var init = await InitAsync(h, "png");

        using var response = await PostFormAsync(h, init, Png(), fileFirst: true);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("fields after the file are ignored");
    }

    [Fact]
    public async Task PresignedPost_JsonBody_IsRefused()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var init = await InitAsync(h, "png");

        using var response = await h.Http.PostAsync(init["url"]!.GetValue<string>(), JsonContent.Create(new JsonObject { ["file"] = "base64..." }));

        response.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task PresignedPost_AfterTwoMinutes_IsRefusedAsExpired()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var init = await InitAsync(h, "png");
        h.Time.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));

        using var response = await PostFormAsync(h, init, Png(), fileFirst: false);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Policy expired");
    }

    [Fact]
    public async Task PresignedPost_BytesOfAnotherFormat_AreRefused()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var init = await InitAsync(h, "png");

        using var response = await PostFormAsync(h, init, ImageCodec.EncodeJpeg(new RgbaImage(320, 320)), fileFirst: false);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("asked for as .png");
    }

    [Fact]
    public async Task CreateV2_ThenPoll_GoesPendingThenCompleteWithAnMp4OfTheAskedDuration()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var id = await UploadedAsync(h);

        using var create = await Leonardo(h, HttpMethod.Post, "/api/rest/v2/generations", V2("kling-3.0", id, 6));
        var generate = (await create.Content.ReadFromJsonAsync<JsonObject>())!["generate"]!;
        var generationId = generate["generationId"]!.GetValue<string>();
        generate["cost"]!["unit"]!.GetValue<string>().Should().Be("DOLLARS");

        (await StatusAsync(h, generationId))["status"]!.GetValue<string>().Should().Be("PENDING");
        h.Time.Advance(h.Options.QueueWait + h.Options.RunTime);
        var done = await StatusAsync(h, generationId);

        done["status"]!.GetValue<string>().Should().Be("COMPLETE");
        var mp4 = await h.Http.GetByteArrayAsync(done["generated_images"]![0]!["motionMP4URL"]!.GetValue<string>());
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(file, mp4);
            StarSend.Imaging.Video.Mp4Inspector.Inspect(file).DurationS.Should().BeApproximately(6, 0.05);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task CreateV2_DurationTheModelRefuses_IsAHasuraStyleArray()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var id = await UploadedAsync(h);

        using var create = await Leonardo(h, HttpMethod.Post, "/api/rest/v2/generations", V2("veo-3.1-generate-001", id, 5));

        create.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var errors = (await create.Content.ReadFromJsonAsync<JsonArray>())!;
        errors[0]!["extensions"]!["path"]!.GetValue<string>().Should().Be("$.parameters.duration");
        h.Server.GetStats().LeonardoGenerationsAccepted.Should().Be(0);
    }

    [Fact]
    public async Task CreateV1_JobFailedFault_EndsFailed()
    {
        await using var h = await EmulatorHarness.StartAsync(o => o with { Faults = "leonardo-create:job-failed@1" });
        var id = await UploadedAsync(h);

        using var create = await Leonardo(h, HttpMethod.Post, "/api/rest/v1/generations-image-to-video",
            new JsonObject { ["imageId"] = id, ["imageType"] = "UPLOADED", ["prompt"] = "slow push-in", ["model"] = "MOTION2" });
        var job = (await create.Content.ReadFromJsonAsync<JsonObject>())!["motionVideoGenerationJob"]!;
        h.Time.Advance(h.Options.QueueWait + h.Options.RunTime);

        (await StatusAsync(h, job["generationId"]!.GetValue<string>()))["status"]!.GetValue<string>().Should().Be("FAILED");
        job["cost"]!["amount"]!.GetValue<string>().Should().NotBeNullOrEmpty();
    }

    private static byte[] Png() => ImageCodec.EncodePng(new RgbaImage(320, 320));

    private static JsonObject V2(string model, string imageId, int duration) => new()
    {
        ["model"] = model,
        ["public"] = false,
        ["parameters"] = new JsonObject
        {
            ["prompt"] = "the singer walks the pier",
            ["duration"] = duration,
            ["guidances"] = new JsonObject { ["start_frame"] = new JsonArray(new JsonObject { ["image"] = new JsonObject { ["id"] = imageId, ["type"] = "UPLOADED" } }) },
        },
    };

    private static Task<HttpResponseMessage> Leonardo(EmulatorHarness h, HttpMethod method, string path, JsonNode? body)
    {
        var request = new HttpRequestMessage(method, h.Server.BaseUrl.ToString().TrimEnd('/') + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "test-leonardo-key");
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        return h.Http.SendAsync(request);
    }

    private static async Task<JsonObject> InitAsync(EmulatorHarness h, string extension)
    {
        using var response = await Leonardo(h, HttpMethod.Post, "/api/rest/v1/init-image", new JsonObject { ["extension"] = extension });
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["uploadInitImage"]!.AsObject();
    }

    private static async Task<string> UploadedAsync(EmulatorHarness h)
    {
        var init = await InitAsync(h, "png");
        using var posted = await PostFormAsync(h, init, Png(), fileFirst: false);
        posted.StatusCode.Should().Be(HttpStatusCode.NoContent);
        return init["id"]!.GetValue<string>();
    }

    private static async Task<JsonObject> StatusAsync(EmulatorHarness h, string generationId)
    {
        using var response = await Leonardo(h, HttpMethod.Get, $"/api/rest/v1/generations/{generationId}", null);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["generations_by_pk"]!.AsObject();
    }

    private static async Task<HttpResponseMessage> PostFormAsync(EmulatorHarness h, JsonObject init, byte[] file, bool fileFirst)
    {
        var form = new MultipartFormDataContent();
        var filePart = new ByteArrayContent(file);
        filePart.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        if (fileFirst)
        {
            form.Add(filePart, "file", "start.png");
        }

        foreach (var (key, value) in JsonNode.Parse(init["fields"]!.GetValue<string>())!.AsObject())
        {
            form.Add(new StringContent(value!.GetValue<string>()), key);
        }

        if (!fileFirst)
        {
            form.Add(filePart, "file", "start.png");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, init["url"]!.GetValue<string>()) { Content = form };
        return await h.Http.SendAsync(request);
    }
}
