using System.Net;
using System.Text.Json.Nodes;

namespace StarSend.Emulator.Tests.Queue;

public class QueueSubmitTests
{
    [Fact]
    public async Task Submit_KlingMultiShot_ReturnsInQueueWithOwnerAliasUrls()
    {
        await using var emulator = await EmulatorHarness.StartAsync();

        using var response = await emulator.PostJsonAsync("/" + EmulatorHarness.Model, EmulatorHarness.MultiShot("3", "4"));
        var body = await EmulatorHarness.JsonAsync(response);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var id = body["request_id"]!.GetValue<string>();
        id.Should().NotBeNullOrEmpty();
        body["status"]!.GetValue<string>().Should().Be("IN_QUEUE");
        body["queue_position"]!.GetValue<int>().Should().BeGreaterThan(0);
        body["response_url"]!.GetValue<string>().Should().Be($"{emulator.Base}/fal-ai/kling-video/requests/{id}");
        body["status_url"]!.GetValue<string>().Should().Be($"{emulator.Base}/fal-ai/kling-video/requests/{id}/status");
        body["cancel_url"]!.GetValue<string>().Should().Be($"{emulator.Base}/fal-ai/kling-video/requests/{id}/cancel");
        response.Headers.GetValues("x-fal-request-id").Should().Equal(id);
    }

    [Fact]
    public async Task Submit_UnknownApp_Is404AndNothingIsAccepted()
    {
        await using var emulator = await EmulatorHarness.StartAsync();

        using var response = await emulator.Http.PostAsync("fal-ai/flux/dev", new StringContent("{\"prompt\":\"x\"}", System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).Should().Contain("not found", "an unknown app answers like fal");
        emulator.Server.GetStats().SubmitsAccepted.Should().Be(0);
    }

    [Fact]
    public async Task Submit_WorkflowsNamespace_KeepsNamespaceInUrls()
    {
        await using var emulator = await EmulatorHarness.StartAsync();

        var body = await emulator.SubmitAsync(new JsonObject { ["prompt"] = "x" }, "workflows/someone/my-flow/run");
        var id = body["request_id"]!.GetValue<string>();
        using var status = await emulator.Http.GetAsync(body["status_url"]!.GetValue<string>());

        body["status_url"]!.GetValue<string>().Should().Be($"{emulator.Base}/workflows/someone/my-flow/requests/{id}/status");
        status.StatusCode.Should().Be(HttpStatusCode.Accepted);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer abc")]
    [InlineData("Key ")]
    public async Task Submit_WithoutFalKey_Is401(string? authorization)
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        emulator.Http.DefaultRequestHeaders.Authorization = null;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/" + EmulatorHarness.Model)
        {
            Content = new StringContent(EmulatorHarness.MultiShot("3").ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await emulator.Http.SendAsync(request);
        var body = await EmulatorHarness.JsonAsync(response);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        body["detail"]!.GetValue<string>().Should().Contain("Authorization");
        emulator.Server.GetStats().SubmitsAccepted.Should().Be(0);
    }

    [Fact]
    public async Task Submit_NumberDuration_Is422WithLocAndNotAccepted()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var input = JsonNode.Parse("""{"multi_prompt":[{"prompt":"a","duration":"3"},{"prompt":"b","duration":4}]}""")!;

        using var response = await emulator.PostJsonAsync("/" + EmulatorHarness.Model, input);
        var detail = (await EmulatorHarness.JsonAsync(response))["detail"]!.AsArray();

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        detail.Should().ContainSingle();
        detail[0]!["loc"]!.ToJsonString().Should().Be("""["body","multi_prompt",1,"duration"]""");
        detail[0]!["type"]!.GetValue<string>().Should().Be("literal_error");
        detail[0]!["msg"]!.GetValue<string>().Should().NotBeEmpty();
        emulator.Server.GetStats().SubmitsAccepted.Should().Be(0);
    }

    [Fact]
    public async Task Submit_PromptAndMultiPrompt_Is422()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var input = EmulatorHarness.MultiShot("3");
        input["prompt"] = "both";

        using var response = await emulator.PostJsonAsync("/" + EmulatorHarness.Model, input);

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await EmulatorHarness.JsonAsync(response))["detail"]![0]!["msg"]!.GetValue<string>().Should().Contain("not both");
    }

    [Fact]
    public async Task Submit_NotJson_Is422()
    {
        await using var emulator = await EmulatorHarness.StartAsync();

        using var response = await emulator.Http.PostAsync("/" + EmulatorHarness.Model, new StringContent("{nope", System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Submit_Accepted_IsCountedByModel()
    {
        await using var emulator = await EmulatorHarness.StartAsync();

        await emulator.SubmitAsync();
        await emulator.SubmitAsync(new JsonObject { ["prompt"] = "x", ["image_url"] = "http://example.invalid/a.png" }, "fal-ai/kling-video/o3/standard/image-to-video");
        using var rejected = await emulator.PostJsonAsync("/" + EmulatorHarness.Model, new JsonObject());

        var stats = emulator.Server.GetStats();
        stats.SubmitsAccepted.Should().Be(2);
        stats.Requests["submit"].Should().Be(3);
        stats.ByModel[EmulatorHarness.Model].Should().Be(2);
        stats.ByModel["fal-ai/kling-video/o3/standard/image-to-video"].Should().Be(1);
    }
}
