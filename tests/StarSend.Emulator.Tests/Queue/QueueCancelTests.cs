using System.Net;
using System.Text.Json.Nodes;

namespace StarSend.Emulator.Tests.Queue;

public class QueueCancelTests
{
    [Fact]
    public async Task Cancel_QueuedJob_Is202ThenCompletedWithError()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var job = await emulator.SubmitAsync();

        using var cancel = await emulator.Http.PutAsync(job["cancel_url"]!.GetValue<string>(), null);
        var (code, status) = await QueueProgressTests.StatusAsync(emulator, job["status_url"]!.GetValue<string>());
        using var again = await emulator.Http.PutAsync(job["cancel_url"]!.GetValue<string>(), null);
        using var result = await emulator.Http.GetAsync(job["response_url"]!.GetValue<string>());

        cancel.StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await EmulatorHarness.JsonAsync(cancel))["status"]!.GetValue<string>().Should().Be("CANCELLATION_REQUESTED");
        code.Should().Be(HttpStatusCode.OK);
        status["status"]!.GetValue<string>().Should().Be("COMPLETED");
        status["error_type"]!.GetValue<string>().Should().Be("client_cancelled");
        again.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await EmulatorHarness.JsonAsync(again))["status"]!.GetValue<string>().Should().Be("ALREADY_COMPLETED");
        ((int)result.StatusCode).Should().Be(499);
    }

    [Fact]
    public async Task Cancel_InProgressJob_Is202()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var job = await emulator.SubmitAsync();
        emulator.Time.Advance(TimeSpan.FromSeconds(40));

        using var cancel = await emulator.Http.PutAsync(job["cancel_url"]!.GetValue<string>(), null);

        cancel.StatusCode.Should().Be(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task Cancel_CompletedJob_Is400AlreadyCompleted()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var job = await emulator.SubmitAsync();
        emulator.Time.Advance(TimeSpan.FromMinutes(3));

        using var cancel = await emulator.Http.PutAsync(job["cancel_url"]!.GetValue<string>(), null);

        cancel.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await EmulatorHarness.JsonAsync(cancel))["status"]!.GetValue<string>().Should().Be("ALREADY_COMPLETED");
    }

    [Fact]
    public async Task Cancel_UnknownJob_Is404NotFound()
    {
        await using var emulator = await EmulatorHarness.StartAsync();

        using var cancel = await emulator.Http.PutAsync($"/fal-ai/kling-video/requests/{Guid.NewGuid()}/cancel", null);

        cancel.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await EmulatorHarness.JsonAsync(cancel))["status"]!.GetValue<string>().Should().Be("NOT_FOUND");
        emulator.Server.GetStats().Requests["cancel"].Should().Be(1);
    }

    [Fact]
    public async Task StatusStream_SendsEventsUntilCompleted()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o => o with { QueueWait = TimeSpan.Zero, RunTime = TimeSpan.Zero });
        var job = await emulator.SubmitAsync();

        using var response = await emulator.Http.GetAsync(job["status_url"]!.GetValue<string>() + "/stream?logs=1");
        var text = await response.Content.ReadAsStringAsync();
        var events = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(e => JsonNode.Parse(e["data: ".Length..])!).ToList();

        response.Content.Headers.ContentType!.MediaType.Should().Be("text/event-stream");
        events.Should().NotBeEmpty();
        events[^1]["status"]!.GetValue<string>().Should().Be("COMPLETED");
    }
}
