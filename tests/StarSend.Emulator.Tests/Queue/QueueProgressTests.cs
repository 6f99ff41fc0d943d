using System.Net;
using System.Text.Json.Nodes;

namespace StarSend.Emulator.Tests.Queue;

public class QueueProgressTests
{
    [Fact]
    public async Task Status_FollowsTheClock_QueueThenProgressThenCompleted()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var job = await emulator.SubmitAsync();
        var statusUrl = job["status_url"]!.GetValue<string>();

        var (queuedCode, queued) = await StatusAsync(emulator, statusUrl + "?logs=1");
        emulator.Time.Advance(TimeSpan.FromSeconds(25));
        var (_, later) = await StatusAsync(emulator, statusUrl + "?logs=1");
        emulator.Time.Advance(TimeSpan.FromSeconds(65));
        var (runningCode, running) = await StatusAsync(emulator, statusUrl + "?logs=1");
        var (_, runningNoLogs) = await StatusAsync(emulator, statusUrl + "?logs=0");
        emulator.Time.Advance(TimeSpan.FromSeconds(60));
        var (doneCode, done) = await StatusAsync(emulator, statusUrl + "?logs=true");

        queuedCode.Should().Be(HttpStatusCode.Accepted);
        queued["status"]!.GetValue<string>().Should().Be("IN_QUEUE");
        later["queue_position"]!.GetValue<int>().Should().BeLessThan(queued["queue_position"]!.GetValue<int>());
        runningCode.Should().Be(HttpStatusCode.Accepted);
        running["status"]!.GetValue<string>().Should().Be("IN_PROGRESS");
        running["logs"]!.AsArray().Should().NotBeEmpty();
        running["logs"]![0]!["level"]!.GetValue<string>().Should().Be("INFO");
        running["logs"]![0]!["timestamp"]!.GetValue<string>().Should().EndWith("Z");
        runningNoLogs.ContainsKey("logs").Should().BeTrue();
        runningNoLogs["logs"].Should().BeNull();
        doneCode.Should().Be(HttpStatusCode.OK);
        done["status"]!.GetValue<string>().Should().Be("COMPLETED");
        done["metrics"]!["inference_time"]!.GetValue<double>().Should().Be(120);
        done["logs"]!.AsArray().Count.Should().BeGreaterThan(running["logs"]!.AsArray().Count);
        done.ContainsKey("error").Should().BeFalse();
    }

    [Fact]
    public async Task Result_BeforeCompletion_Is400_AfterIsVideo()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o => o with { QueueWait = TimeSpan.Zero, RunTime = TimeSpan.FromSeconds(10) });
        var job = await emulator.SubmitAsync();
        var responseUrl = job["response_url"]!.GetValue<string>();

        using var early = await emulator.Http.GetAsync(responseUrl);
        emulator.Time.Advance(TimeSpan.FromSeconds(10));
        using var result = await emulator.Http.GetAsync(responseUrl);
        var body = await EmulatorHarness.JsonAsync(result);

        early.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        result.StatusCode.Should().Be(HttpStatusCode.OK);
        result.Headers.GetValues("x-fal-request-id").Should().Equal(job["request_id"]!.GetValue<string>());
        result.Headers.GetValues("x-fal-billable-units").Should().Equal("7");
        var video = body["video"]!;
        video["url"]!.GetValue<string>().Should().StartWith(emulator.Base + "/files/");
        video["content_type"]!.GetValue<string>().Should().Be("video/mp4");
        video["file_name"]!.GetValue<string>().Should().Be("output.mp4");
        video["file_size"]!.GetValue<int>().Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task Status_OnFullModelPathOrOtherApp_Is404()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var id = (await emulator.SubmitAsync())["request_id"]!.GetValue<string>();

        using var fullPath = await emulator.Http.GetAsync($"/{EmulatorHarness.Model}/requests/{id}/status");
        using var otherApp = await emulator.Http.GetAsync($"/fal-ai/flux/requests/{id}/status");
        using var unknown = await emulator.Http.GetAsync($"/fal-ai/kling-video/requests/{Guid.NewGuid()}/status");

        fullPath.StatusCode.Should().Be(HttpStatusCode.NotFound);
        otherApp.StatusCode.Should().Be(HttpStatusCode.NotFound);
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        emulator.Server.GetStats().Requests["other"].Should().Be(1);
    }

    [Fact]
    public async Task Result_ExpiresOneHourAfterCompletion()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o => o with { QueueWait = TimeSpan.Zero, RunTime = TimeSpan.FromSeconds(10) });
        var job = await emulator.SubmitAsync();
        emulator.Time.Advance(TimeSpan.FromSeconds(10) + TimeSpan.FromMinutes(59));
        using var kept = await emulator.Http.GetAsync(job["status_url"]!.GetValue<string>());

        emulator.Time.Advance(TimeSpan.FromMinutes(1));
        using var status = await emulator.Http.GetAsync(job["status_url"]!.GetValue<string>());
        using var result = await emulator.Http.GetAsync(job["response_url"]!.GetValue<string>());

        kept.StatusCode.Should().Be(HttpStatusCode.OK);
        status.StatusCode.Should().Be(HttpStatusCode.NotFound);
        result.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await EmulatorHarness.JsonAsync(result))["detail"]!.GetValue<string>().Should().Contain("1 hour");
    }

    [Fact]
    public async Task Submit_StartTimeoutShorterThanQueue_CompletesWithUserTimeout()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/" + EmulatorHarness.Model)
        {
            Content = new StringContent(EmulatorHarness.MultiShot("3").ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("x-fal-request-timeout", "10");
        using var submit = await emulator.Http.SendAsync(request);
        var job = await EmulatorHarness.JsonAsync(submit);

        emulator.Time.Advance(TimeSpan.FromSeconds(10));
        var (_, status) = await StatusAsync(emulator, job["status_url"]!.GetValue<string>());
        using var result = await emulator.Http.GetAsync(job["response_url"]!.GetValue<string>());

        status["error_type"]!.GetValue<string>().Should().Be("request_timeout");
        result.StatusCode.Should().Be(HttpStatusCode.GatewayTimeout);
        result.Headers.GetValues("X-Fal-Request-Timeout-Type").Should().Equal("user");
    }

    internal static async Task<(HttpStatusCode Code, JsonObject Body)> StatusAsync(EmulatorHarness emulator, string url)
    {
        using var response = await emulator.Http.GetAsync(url);
        return (response.StatusCode, await EmulatorHarness.JsonAsync(response));
    }
}
