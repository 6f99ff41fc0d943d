using Microsoft.Extensions.Time.Testing;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using StarSend.Testing;

namespace StarSend.Emulator.Tests;

/// <summary>A running emulator on a manual clock, with an HttpClient that sends a fal key.</summary>
internal sealed class EmulatorHarness : IAsyncDisposable
{
    public const string Model = "fal-ai/kling-video/o3/pro/reference-to-video";

    private EmulatorHarness(EmulatorServer server, FakeTimeProvider time, EmulatorOptions options)
    {
        Server = server;
        Time = time;
        Clock = (DrivenClock)options.Time;
        Options = options;
        Http = new HttpClient { BaseAddress = server.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Key", "test-id:test-secret");
    }

    public EmulatorServer Server { get; }

    public FakeTimeProvider Time { get; }

    /// <summary>The emulator's view of <see cref="Time"/>: sees the waits it arms (latency).</summary>
    public DrivenClock Clock { get; }

    public EmulatorOptions Options { get; }

    public HttpClient Http { get; }

    public string Base => Server.FalQueueUrl;

    public static async Task<EmulatorHarness> StartAsync(Func<EmulatorOptions, EmulatorOptions>? configure = null)
    {
        var time = DrivenClock.NewFake();
        var options = new EmulatorOptions { Time = new DrivenClock(time), QueueWait = TimeSpan.FromSeconds(30), RunTime = TimeSpan.FromSeconds(120) };
        options = configure?.Invoke(options) ?? options;
        var server = await EmulatorServer.StartAsync(options, CancellationToken.None);
        return new EmulatorHarness(server, time, options);
    }

    public static JsonObject MultiShot(params string[] durations) => new()
    {
        ["multi_prompt"] = new JsonArray([.. durations.Select(d => (JsonNode)new JsonObject { ["prompt"] = $"shot of {d} s", ["duration"] = d })]),
        ["aspect_ratio"] = "16:9",
    };

    public Task<HttpResponseMessage> PostJsonAsync(string path, JsonNode body) =>
        Http.PostAsync(path, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

    public async Task<JsonObject> SubmitAsync(JsonObject? body = null, string model = Model)
    {
        using var response = await PostJsonAsync("/" + model, body ?? MultiShot("3", "4"));
        response.IsSuccessStatusCode.Should().BeTrue(await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static async Task<JsonObject> JsonAsync(HttpResponseMessage response) =>
        (JsonNode.Parse(await response.Content.ReadAsStringAsync()) as JsonObject)!;

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
