using System.Net;
using System.Text.Json.Nodes;

namespace StarSend.Emulator.Tests.Faults;

/// <summary>The shapes field reports describe (shared/research/field-log.md), served as fault kinds.</summary>
public class FieldFaultTests
{
    private const string Locked = "User is locked. Reason: Exhausted balance. Top up your balance at fal.ai/dashboard/billing.";

    [Fact]
    public async Task Submit_Locked_Is403WithTheLockReasonAndNothingIsAccepted()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o => o with { Faults = "submit:locked" });

        using var response = await emulator.PostJsonAsync("/" + EmulatorHarness.Model, EmulatorHarness.MultiShot("3"));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await EmulatorHarness.JsonAsync(response))["detail"]!.GetValue<string>().Should().Be(Locked);
        emulator.Server.GetStats().SubmitsAccepted.Should().Be(0);
    }

    [Fact]
    public async Task Upload_Locked_RefusesTheInitiate()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o => o with { Faults = "upload:locked" });

        using var response = await emulator.PostJsonAsync(
            "/storage/upload/initiate?storage_type=fal-cdn-v3", new JsonObject { ["content_type"] = "image/png", ["file_name"] = "a.png" });

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await EmulatorHarness.JsonAsync(response))["detail"]!.GetValue<string>().Should().Contain("User is locked");
    }

    [Fact]
    public async Task Result_Locked_RefusesTheResultWhileStatusSaysCompleted()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o => o with { Faults = "result:locked@1" });
        var job = await emulator.SubmitAsync();
        emulator.Time.Advance(TimeSpan.FromMinutes(5));

        using var status = await emulator.Http.GetAsync(job["status_url"]!.GetValue<string>());
        using var refused = await emulator.Http.GetAsync(job["response_url"]!.GetValue<string>());
        using var later = await emulator.Http.GetAsync(job["response_url"]!.GetValue<string>());

        (await EmulatorHarness.JsonAsync(status))["status"]!.GetValue<string>().Should().Be("COMPLETED");
        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await EmulatorHarness.JsonAsync(refused))["detail"]!.GetValue<string>().Should().Be(Locked);
        later.StatusCode.Should().Be(HttpStatusCode.OK, "the job did complete; the result is there once the account is unlocked");
    }

    [Fact]
    public async Task Status_UndocumentedStatus_AnswersFailedWhileTheJobGoesOnToComplete()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o => o with { Faults = "status:undocumented-status@1" });
        var job = await emulator.SubmitAsync();
        var url = job["status_url"]!.GetValue<string>();

        using var odd = await emulator.Http.GetAsync(url);
        emulator.Time.Advance(TimeSpan.FromMinutes(5));
        using var done = await emulator.Http.GetAsync(url);

        var oddBody = await EmulatorHarness.JsonAsync(odd);
        oddBody["status"]!.GetValue<string>().Should().Be("FAILED");
        oddBody["request_id"]!.GetValue<string>().Should().Be(job["request_id"]!.GetValue<string>());
        (await EmulatorHarness.JsonAsync(done))["status"]!.GetValue<string>().Should().Be("COMPLETED");
    }

    [Theory]
    [InlineData("submit")]
    [InlineData("result")]
    public async Task DetailList_Is422WithSeveralTypedItems(string target)
    {
        await using var emulator = await EmulatorHarness.StartAsync(o => o with { Faults = $"{target}:detail-list" });
        JsonObject body;
        HttpStatusCode code;
        if (target == "submit")
        {
            using var response = await emulator.PostJsonAsync("/" + EmulatorHarness.Model, EmulatorHarness.MultiShot("3"));
            (code, body) = (response.StatusCode, await EmulatorHarness.JsonAsync(response));
        }
        else
        {
            var job = await emulator.SubmitAsync();
            emulator.Time.Advance(TimeSpan.FromMinutes(5));
            using var response = await emulator.Http.GetAsync(job["response_url"]!.GetValue<string>());
            (code, body) = (response.StatusCode, await EmulatorHarness.JsonAsync(response));
        }

        code.Should().Be(HttpStatusCode.UnprocessableEntity);
        var items = body["detail"]!.AsArray();
        items.Select(i => i!["type"]!.GetValue<string>()).Should().Equal("missing", "literal_error", "value_error");
        items[1]!["loc"]!.ToJsonString().Should().Be("""["body","multi_prompt",1,"duration"]""");
        items[2]!["loc"]!.ToJsonString().Should().Be("""["body","root"]""");
        emulator.Server.GetStats().SubmitsAccepted.Should().Be(target == "submit" ? 0 : 1);
    }

    [Fact]
    public async Task Download_Html_IsA200ErrorPage()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o => o with { Faults = "download:html@1" });
        var url = await VideoUrlAsync(emulator);

        using var page = await emulator.Http.GetAsync(url);
        using var video = await emulator.Http.GetAsync(url);

        page.StatusCode.Should().Be(HttpStatusCode.OK);
        page.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        (await page.Content.ReadAsStringAsync()).Should().StartWith("<!DOCTYPE html>");
        (await video.Content.ReadAsByteArrayAsync()).AsSpan(4, 4).SequenceEqual("ftyp"u8).Should().BeTrue();
    }

    [Fact]
    public async Task Download_NoMoov_HasTheFullLengthButNoMovieBox()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o => o with { Faults = "download:no-moov@1" });
        var url = await VideoUrlAsync(emulator);

        var broken = await emulator.Http.GetByteArrayAsync(url);
        var whole = await emulator.Http.GetByteArrayAsync(url);

        broken.Length.Should().Be(whole.Length);
        ContainsBox(whole, "moov").Should().BeTrue();
        ContainsBox(broken, "moov").Should().BeFalse();
    }

    [Fact]
    public async Task Download_Short_SendsFewerBytesThanTheResultFileSizeWithAnHonestLength()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o => o with { Faults = "download:short=0.25@1" });
        var (url, size) = await VideoAsync(emulator);

        using var first = await emulator.Http.GetAsync(url);
        var part = await first.Content.ReadAsByteArrayAsync();
        using var rest = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { Range = new(part.Length, null) } };
        using var second = await emulator.Http.SendAsync(rest);

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        first.Content.Headers.ContentLength.Should().Be(part.Length);
        part.Length.Should().Be((int)(size * 0.25));
        second.StatusCode.Should().Be(HttpStatusCode.PartialContent);
        (part.Length + (await second.Content.ReadAsByteArrayAsync()).Length).Should().Be((int)size);
    }

    [Theory]
    [InlineData("expire", HttpStatusCode.NotFound)]
    [InlineData("expire=410", HttpStatusCode.Gone)]
    public async Task Download_Expire_Answers404Or410(string fault, HttpStatusCode code)
    {
        await using var emulator = await EmulatorHarness.StartAsync(o => o with { Faults = $"download:{fault}" });
        var url = await VideoUrlAsync(emulator);

        using var response = await emulator.Http.GetAsync(url);

        response.StatusCode.Should().Be(code);
    }

    [Fact]
    public async Task RequestListing_ListsTheEndpointsJobsInTheWindowWithTheirInput()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o => o with { Faults = "submit:lost-response@2" });
        var first = await emulator.SubmitAsync(EmulatorHarness.MultiShot("3"));
        var from = emulator.Time.GetUtcNow();
        emulator.Time.Advance(TimeSpan.FromMinutes(1));
        var lost = () => emulator.PostJsonAsync("/" + EmulatorHarness.Model, EmulatorHarness.MultiShot("4", "5"));
        await lost.Should().ThrowAsync<HttpRequestException>();

        var all = await ListAsync(emulator, $"endpoint_id={Uri.EscapeDataString(EmulatorHarness.Model)}&expand=payloads");
        var window = await ListAsync(emulator, $"endpoint_id={Uri.EscapeDataString(EmulatorHarness.Model)}&start={Iso(from.AddSeconds(30))}&end={Iso(emulator.Time.GetUtcNow())}&expand=payloads");
        var other = await ListAsync(emulator, "endpoint_id=fal-ai/kling-video/v3/pro/image-to-video");
        var bare = await ListAsync(emulator, $"endpoint_id={Uri.EscapeDataString(EmulatorHarness.Model)}");

        var items = all["items"]!.AsArray();
        items.Should().HaveCount(2);
        items[0]!["request_id"]!.GetValue<string>().Should().Be(first["request_id"]!.GetValue<string>());
        var found = window["items"]!.AsArray().Should().ContainSingle().Subject!;
        found["json_input"]!.ToJsonString().Should().Be(EmulatorHarness.MultiShot("4", "5").ToJsonString());
        found["sent_at"]!.GetValue<string>().Should().Be(Iso(emulator.Time.GetUtcNow()));
        all["has_more"]!.GetValue<bool>().Should().BeFalse();
        other["items"]!.AsArray().Should().BeEmpty();
        bare["items"]![0]!.AsObject().ContainsKey("json_input").Should().BeFalse("payloads are listed only with expand=payloads");
        emulator.Server.GetStats().Requests["requests"].Should().Be(4);
    }

    [Fact]
    public async Task RequestListing_PagesWithACursor_AndNoPayloadDropsTheInput()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o => o with { Faults = "requests:no-payload" });
        for (var i = 0; i < 3; i++)
        {
            await emulator.SubmitAsync();
        }

        var query = $"endpoint_id={Uri.EscapeDataString(EmulatorHarness.Model)}&expand=payloads&limit=2";
        var page1 = await ListAsync(emulator, query);
        var page2 = await ListAsync(emulator, query + "&cursor=" + page1["next_cursor"]!.GetValue<string>());

        page1["items"]!.AsArray().Should().HaveCount(2);
        page1["has_more"]!.GetValue<bool>().Should().BeTrue();
        page2["items"]!.AsArray().Should().ContainSingle();
        page2["has_more"]!.GetValue<bool>().Should().BeFalse();
        page1["items"]![0]!.AsObject().ContainsKey("json_input").Should().BeFalse();
    }

    [Fact]
    public async Task RequestListing_NeedsTheKey()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        using var anonymous = new HttpClient { BaseAddress = emulator.Server.BaseUrl };

        using var response = await anonymous.GetAsync($"/v1/models/requests/by-endpoint?endpoint_id={EmulatorHarness.Model}");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<JsonObject> ListAsync(EmulatorHarness emulator, string query)
    {
        using var response = await emulator.Http.GetAsync("/v1/models/requests/by-endpoint?" + query);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return await EmulatorHarness.JsonAsync(response);
    }

    private static async Task<string> VideoUrlAsync(EmulatorHarness emulator) => (await VideoAsync(emulator)).Url;

    private static async Task<(string Url, long Size)> VideoAsync(EmulatorHarness emulator)
    {
        var job = await emulator.SubmitAsync(EmulatorHarness.MultiShot("3"));
        emulator.Time.Advance(TimeSpan.FromMinutes(5));
        using var result = await emulator.Http.GetAsync(job["response_url"]!.GetValue<string>());
        var video = (await EmulatorHarness.JsonAsync(result))["video"]!;
        return (video["url"]!.GetValue<string>(), video["file_size"]!.GetValue<long>());
    }

    private static bool ContainsBox(byte[] mp4, string type)
    {
        var at = 0;
        while (at + 8 <= mp4.Length)
        {
            var size = (mp4[at] << 24) | (mp4[at + 1] << 16) | (mp4[at + 2] << 8) | mp4[at + 3];
            if (System.Text.Encoding.ASCII.GetString(mp4, at + 4, 4) == type)
            {
                return true;
            }

            if (size < 8)
            {
                return false;
            }

            at += size;
        }

        return false;
    }
}
