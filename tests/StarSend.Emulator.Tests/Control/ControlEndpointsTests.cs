using System.Net;
using System.Text.Json.Nodes;

namespace StarSend.Emulator.Tests.Control;

public class ControlEndpointsTests
{
    [Fact]
    public async Task Stats_CountsEveryEndpointInSnakeCase()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var job = await emulator.SubmitAsync();
        (await emulator.Http.GetAsync(job["status_url"]!.GetValue<string>())).Dispose();
        (await emulator.Http.GetAsync(job["status_url"]!.GetValue<string>())).Dispose();
        (await emulator.Http.GetAsync(job["response_url"]!.GetValue<string>())).Dispose();
        (await emulator.Http.PutAsync(job["cancel_url"]!.GetValue<string>(), null)).Dispose();
        (await emulator.Http.GetAsync("/nowhere")).Dispose();

        using var response = await emulator.Http.GetAsync("/_emulator/stats");
        var stats = await EmulatorHarness.JsonAsync(response);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var requests = stats["requests"]!;
        (requests["submit"]!.GetValue<int>(), requests["status"]!.GetValue<int>(), requests["result"]!.GetValue<int>(), requests["cancel"]!.GetValue<int>())
            .Should().Be((1, 2, 1, 1));
        requests["upload_initiate"]!.GetValue<int>().Should().Be(0);
        requests["upload_put"]!.GetValue<int>().Should().Be(0);
        requests["download"]!.GetValue<int>().Should().Be(0);
        requests["gemini"]!.GetValue<int>().Should().Be(0);
        requests["other"]!.GetValue<int>().Should().Be(1);
        stats["by_model"]![EmulatorHarness.Model]!.GetValue<int>().Should().Be(1);
        stats["submits_accepted"]!.GetValue<int>().Should().Be(1);
        stats["images_generated"]!.GetValue<int>().Should().Be(0);
    }

    [Fact]
    public async Task Faults_PostedSpec_TakesEffect_BadSpecIs400()
    {
        await using var emulator = await EmulatorHarness.StartAsync();

        using var set = await emulator.PostJsonAsync("/_emulator/faults", new JsonObject { ["spec"] = "submit:503@1" });
        using var bad = await emulator.PostJsonAsync("/_emulator/faults", new JsonObject { ["spec"] = "submit:nope" });
        using var submit = await emulator.PostJsonAsync("/" + EmulatorHarness.Model, EmulatorHarness.MultiShot("3"));

        set.StatusCode.Should().Be(HttpStatusCode.OK);
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await EmulatorHarness.JsonAsync(bad))["detail"]!.GetValue<string>().Should().Contain("unknown fault 'nope'");
        submit.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task Reset_ClearsCountsJobsAndRules()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o => o with { Faults = "gemini:500" });
        var job = await emulator.SubmitAsync();

        using var reset = await emulator.PostJsonAsync("/_emulator/reset", new JsonObject());
        using var status = await emulator.Http.GetAsync(job["status_url"]!.GetValue<string>());
        var (gemini, _) = await Gemini.GeminiEndpointTests.GenerateAsync(emulator, Gemini.GeminiEndpointTests.Request("x", "1:1"));

        reset.StatusCode.Should().Be(HttpStatusCode.OK);
        status.StatusCode.Should().Be(HttpStatusCode.NotFound);
        gemini.Should().Be(HttpStatusCode.OK);
        var stats = emulator.Server.GetStats();
        stats.SubmitsAccepted.Should().Be(0);
        stats.Requests["status"].Should().Be(1);
        stats.Requests["submit"].Should().Be(0);
    }

    [Fact]
    public async Task Latency_PerTarget_WaitsOnTheInjectedClock()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o => o with { Latency = new Dictionary<string, TimeSpan> { ["submit"] = TimeSpan.FromSeconds(5) } });

        var submit = emulator.SubmitAsync();
        while (emulator.Clock.PendingWaits == 0 && !submit.IsCompleted)
        {
            await Task.Yield();
        }

        submit.IsCompleted.Should().BeFalse();
        emulator.Time.Advance(TimeSpan.FromSeconds(5));
        (await submit)["status"]!.GetValue<string>().Should().Be("IN_QUEUE");
    }

    [Fact]
    public async Task StartAsync_BindsLoopbackOnly()
    {
        await using var emulator = await EmulatorHarness.StartAsync();

        emulator.Server.BaseUrl.Host.Should().Be("127.0.0.1");
        emulator.Server.BaseUrl.Port.Should().BeGreaterThan(0);
        emulator.Server.GeminiUrl.Should().Be(emulator.Server.FalQueueUrl).And.NotEndWith("/");
    }

    [Fact]
    public async Task StartAsync_BadFaultSpec_Throws()
    {
        var start = () => EmulatorServer.StartAsync(new EmulatorOptions { Faults = "status:what" }, CancellationToken.None);

        await start.Should().ThrowAsync<FormatException>();
    }
}
