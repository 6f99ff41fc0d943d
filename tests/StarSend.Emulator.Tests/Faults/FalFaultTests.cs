using System.Net;
using System.Text.Json;

namespace StarSend.Emulator.Tests.Faults;

public class FalFaultTests
{
    [Theory]
    [InlineData("500", 500, "internal_error")]
    [InlineData("502", 502, "runner_incomplete_response")]
    [InlineData("503", 503, "runner_scheduling_failure")]
    [InlineData("504", 504, "startup_timeout")]
    [InlineData("user-timeout", 504, "request_timeout")]
    public async Task Submit_ServerFault_IsFlatErrorAndNotAccepted(string fault, int code, string errorType)
    {
        await using var emulator = await EmulatorHarness.StartAsync(o => o with { Faults = $"submit:{fault}@1" });

        using var response = await emulator.PostJsonAsync("/" + EmulatorHarness.Model, EmulatorHarness.MultiShot("3"));
        var body = await EmulatorHarness.JsonAsync(response);
        var second = await emulator.SubmitAsync();

        ((int)response.StatusCode).Should().Be(code);
        body["error_type"]!.GetValue<string>().Should().Be(errorType);
        body["detail"]!.GetValue<string>().Should().NotBeEmpty();
        response.Headers.GetValues("X-Fal-Error-Type").Should().Equal(errorType);
        response.Headers.Contains("X-Fal-Request-Timeout-Type").Should().Be(fault == "user-timeout");
        second["request_id"].Should().NotBeNull();
        emulator.Server.GetStats().SubmitsAccepted.Should().Be(1);
    }

    [Fact]
    public async Task Status_429_CarriesRetryAfter()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o => o with { Faults = "status:429=7@2" });
        var job = await emulator.SubmitAsync();
        var url = job["status_url"]!.GetValue<string>();

        using var first = await emulator.Http.GetAsync(url);
        using var second = await emulator.Http.GetAsync(url);
        using var third = await emulator.Http.GetAsync(url);

        first.StatusCode.Should().Be(HttpStatusCode.Accepted);
        second.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        second.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(7));
        third.StatusCode.Should().Be(HttpStatusCode.Accepted);
    }

    [Theory]
    [InlineData("422", "value_error")]
    [InlineData("content-policy", "content_policy_violation")]
    public async Task Submit_ValidationFault_Is422DetailList(string fault, string type)
    {
        await using var emulator = await EmulatorHarness.StartAsync(o => o with { Faults = $"submit:{fault}" });

        using var response = await emulator.PostJsonAsync("/" + EmulatorHarness.Model, EmulatorHarness.MultiShot("3"));
        var detail = (await EmulatorHarness.JsonAsync(response))["detail"]![0]!;

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        detail["type"]!.GetValue<string>().Should().Be(type);
        detail["loc"]!.ToJsonString().Should().Be("""["body","prompt"]""");
    }

    [Fact]
    public async Task Result_Malformed_IsNotJson()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o => o with { Faults = "result:malformed" });
        var job = await emulator.SubmitAsync();

        using var response = await emulator.Http.GetAsync(job["response_url"]!.GetValue<string>());
        var text = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var parse = () => JsonDocument.Parse(text);
        parse.Should().Throw<JsonException>();
    }

    [Fact]
    public async Task Submit_LostResponse_AbortsButCountsTheJobAsAccepted()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o => o with { Faults = "submit:lost-response@1" });

        var submit = () => emulator.PostJsonAsync("/" + EmulatorHarness.Model, EmulatorHarness.MultiShot("3"));

        await submit.Should().ThrowAsync<HttpRequestException>();
        var stats = emulator.Server.GetStats();
        stats.SubmitsAccepted.Should().Be(1);
        stats.Requests["submit"].Should().Be(1);
    }

    [Fact]
    public async Task Submit_Stall_DelaysPastAClientTimeout()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o => o with { Faults = "submit:stall=30@1" });
        using var impatient = new HttpClient { BaseAddress = emulator.Server.BaseUrl, Timeout = TimeSpan.FromMilliseconds(300) };
        impatient.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Key k");

        var submit = () => impatient.PostAsync("/" + EmulatorHarness.Model, new StringContent(EmulatorHarness.MultiShot("3").ToJsonString()));

        await submit.Should().ThrowAsync<TaskCanceledException>();
        emulator.Server.GetStats().SubmitsAccepted.Should().Be(0);
    }

    [Fact]
    public async Task Submit_Hang_NeverLeavesInProgress()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o => o with { Faults = "submit:hang@1" });
        var job = await emulator.SubmitAsync();

        emulator.Time.Advance(TimeSpan.FromDays(2));
        using var status = await emulator.Http.GetAsync(job["status_url"]!.GetValue<string>());

        status.StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await EmulatorHarness.JsonAsync(status))["status"]!.GetValue<string>().Should().Be("IN_PROGRESS");
    }

    [Theory]
    [InlineData("job-error", 422, "no_media_generated")]
    [InlineData("job-error=500", 500, "runner_server_error")]
    public async Task Submit_JobError_CompletesWithErrorAndResultFails(string fault, int code, string errorType)
    {
        await using var emulator = await EmulatorHarness.StartAsync(o => o with { Faults = $"submit:{fault}" });
        var job = await emulator.SubmitAsync();
        emulator.Time.Advance(TimeSpan.FromMinutes(5));

        using var status = await emulator.Http.GetAsync(job["status_url"]!.GetValue<string>());
        var statusBody = await EmulatorHarness.JsonAsync(status);
        using var result = await emulator.Http.GetAsync(job["response_url"]!.GetValue<string>());

        status.StatusCode.Should().Be(HttpStatusCode.OK);
        statusBody["status"]!.GetValue<string>().Should().Be("COMPLETED");
        statusBody["error_type"]!.GetValue<string>().Should().Be(errorType);
        statusBody["error"]!.GetValue<string>().Should().NotBeEmpty();
        ((int)result.StatusCode).Should().Be(code);
        emulator.Server.GetStats().SubmitsAccepted.Should().Be(1);
    }

    [Theory]
    [InlineData("status")]
    [InlineData("result")]
    public async Task Expire_AnswersAsPastRetention(string target)
    {
        await using var emulator = await EmulatorHarness.StartAsync(o => o with { Faults = $"{target}:expire" });
        var job = await emulator.SubmitAsync();

        using var response = await emulator.Http.GetAsync(job[target == "status" ? "status_url" : "response_url"]!.GetValue<string>());

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await EmulatorHarness.JsonAsync(response))["detail"]!.GetValue<string>().Should().Contain("kept for 1 hour");
    }

    [Fact]
    public async Task SetFaults_ReplacesRulesAndRestartsCounting()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o => o with { Faults = "submit:503@2" });
        await emulator.SubmitAsync();

        emulator.Server.SetFaults("submit:500@1");
        using var first = await emulator.PostJsonAsync("/" + EmulatorHarness.Model, EmulatorHarness.MultiShot("3"));
        using var second = await emulator.PostJsonAsync("/" + EmulatorHarness.Model, EmulatorHarness.MultiShot("3"));

        first.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        second.StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
