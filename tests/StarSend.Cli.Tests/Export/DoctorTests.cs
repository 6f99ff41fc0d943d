using System.Text.Json;
using StarSend.Emulator;
using StarSend.Testing;
using CliRun = StarSend.Cli.Tests.Harness.Cli;

namespace StarSend.Cli.Tests.Export;

/// <summary><c>starsend doctor</c> on the finished demo against a real loopback emulator, and on a broken copy.</summary>
public sealed class DoctorTests(DemoProjectFixture demo) : IClassFixture<DemoProjectFixture>
{
    [Fact]
    public async Task Doctor_Demo_PassesAndNeverShowsKeys()
    {
        using var temp = new TempDirectory();
        var dir = demo.CopyTo(temp);
        await using var emulator = await EmulatorServer.StartAsync(new EmulatorOptions(), CancellationToken.None);

        var result = await CliRun.RunAsync(dir, Environment(emulator), "doctor");

        result.ExitCode.Should().Be(0, result.Out + result.Error);
        result.Out.Should().Contain("doctor: ready").And.NotContain("test-secret").And.NotContain("test-gemini-key");
        result.Out.Should().MatchRegex(@"ok\s+fal\.ai queue");
        result.Out.Should().MatchRegex(@"ok\s+Gemini");
        result.Out.Should().MatchRegex(@"ok\s+Leonardo key\s+present \(used by SEQ\d+, SEQ\d+\)").And.NotContain("test-leonardo-key");
        result.Out.Should().MatchRegex(@"ok\s+video model SEQ\d+\s+leonardo:kling-3\.0");
        result.Out.Should().MatchRegex(@"ok\s+Leonardo\s+http://127\.0\.0\.1:\d+\S* answers", "the plan uses Leonardo models, so its URL is probed");
    }

    [Fact]
    public async Task Doctor_LeonardoModelsWithoutTheirKey_FailsNamingTheSequencesThatUseThem()
    {
        using var temp = new TempDirectory();
        var dir = demo.CopyTo(temp);
        await using var emulator = await EmulatorServer.StartAsync(new EmulatorOptions(), CancellationToken.None);
        var env = Environment(emulator);
        env.Remove("LEONARDO_API_KEY");
        var leonardoSequences = Plan(dir)["sequences"]!.AsArray()
            .Where(s => ((string?)s!["video_model"])?.StartsWith("leonardo:", StringComparison.Ordinal) == true).Select(s => (string)s!["id"]!).ToList();

        var failed = await FailedChecksAsync(dir, env);

        leonardoSequences.Should().NotBeEmpty("the demo plan has Leonardo sequences");
        failed.Should().ContainSingle(f => f.StartsWith("Leonardo key: missing: set LEONARDO_API_KEY", StringComparison.Ordinal))
            .Which.Should().Contain(string.Join(", ", leonardoSequences));
    }

    [Fact]
    public async Task Doctor_SequenceVideoModelRetiredInThePlan_NamesItsJsonPath()
    {
        using var temp = new TempDirectory();
        var dir = demo.CopyTo(temp);
        await using var emulator = await EmulatorServer.StartAsync(new EmulatorOptions(), CancellationToken.None);
        var plan = Plan(dir);
        plan["sequences"]![1]!["video_model"] = "openai:sora-2";
        await File.WriteAllTextAsync(Path.Combine(dir, "client_plan.json"), plan.ToJsonString());

        var failed = await FailedChecksAsync(dir, Environment(emulator));

        failed.Should().Contain(f => f.StartsWith("video model: $.sequences[1].video_model:", StringComparison.Ordinal) && f.Contains("sora-2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Doctor_SequenceVideoModelRetiredBySettings_NamesIt()
    {
        using var temp = new TempDirectory();
        var dir = demo.CopyTo(temp);
        await using var emulator = await EmulatorServer.StartAsync(new EmulatorOptions(), CancellationToken.None);
        var index = Plan(dir)["sequences"]!.AsArray().Select(s => (string?)s!["video_model"]).ToList().IndexOf("leonardo:veo-3.1-generate-001");
        await File.WriteAllTextAsync(Path.Combine(dir, "starsend.json"),
            """{ "retired_video_models": { "leonardo:veo-3.1-generate-001": { "retired_on": "2026-11-01", "use_instead": "leonardo:kling-3.0" } } }""");

        var failed = await FailedChecksAsync(dir, Environment(emulator));

        index.Should().BeGreaterThanOrEqualTo(0, "the demo plan names veo-3.1 on a sequence");
        failed.Should().Contain(f => f.StartsWith($"video model: $.sequences[{index}].video_model:", StringComparison.Ordinal) && f.Contains("veo-3.1", StringComparison.Ordinal));
    }

    private static System.Text.Json.Nodes.JsonObject Plan(string dir) =>
        System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "client_plan.json")))!.AsObject();

    private static async Task<List<string>> FailedChecksAsync(string dir, Dictionary<string, string?> env)
    {
        var result = await CliRun.RunAsync(dir, env, "--json", "doctor");
        result.ExitCode.Should().Be(1, result.Out + result.Error);
        using var json = JsonDocument.Parse(result.Out);
        return json.RootElement.GetProperty("checks").EnumerateArray()
            .Where(c => c.GetProperty("level").GetString() == "FAIL").Select(c => $"{c.GetProperty("check").GetString()}: {c.GetProperty("detail").GetString()}").ToList();
    }

    [Fact]
    public async Task Doctor_BrokenCopy_NamesEachProblemExit1()
    {
        using var temp = new TempDirectory();
        var dir = demo.CopyTo(temp);
        await using var emulator = await EmulatorServer.StartAsync(new EmulatorOptions(), CancellationToken.None);
        var env = Environment(emulator);
        env.Remove("GEMINI_API_KEY");
        await File.WriteAllTextAsync(Path.Combine(dir, "starsend.json"), """{ "image_fallback_model": "gemini-2.5-flash-image" }""");
        File.Delete(Path.Combine(dir, "elements", "dog.png"));
        var sequences = Path.Combine(dir, "state", "client", "sequences.json");
        await File.WriteAllTextAsync(sequences, (await File.ReadAllTextAsync(sequences)).Replace("\"schema_version\": 1", "\"schema_version\": 99", StringComparison.Ordinal));

        var result = await CliRun.RunAsync(dir, env, "--json", "doctor");

        result.ExitCode.Should().Be(1);
        using var json = JsonDocument.Parse(result.Out);
        var failed = json.RootElement.GetProperty("checks").EnumerateArray()
            .Where(c => c.GetProperty("level").GetString() == "FAIL").Select(c => $"{c.GetProperty("check").GetString()}: {c.GetProperty("detail").GetString()}").ToList();
        failed.Should().Contain(f => f.StartsWith("Gemini key: missing", StringComparison.Ordinal));
        failed.Should().Contain(f => f.StartsWith("image fallback 1: gemini-2.5-flash-image was retired", StringComparison.Ordinal));
        failed.Should().Contain(f => f.StartsWith("plan:", StringComparison.Ordinal) && f.Contains("dog.png", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Doctor_VideoModelsList_ChecksEveryFallback_NotJustTheFirst()
    {
        using var temp = new TempDirectory();
        var dir = demo.CopyTo(temp);
        await using var emulator = await EmulatorServer.StartAsync(new EmulatorOptions(), CancellationToken.None);
        await File.WriteAllTextAsync(Path.Combine(dir, "starsend.json"), """
            { "video_models": ["fal-ai/kling-video/o3/pro/reference-to-video", "leonardo:kling-3.0", "fal-ai/some/unpriced/endpoint"] }
            """);

        var result = await CliRun.RunAsync(dir, Environment(emulator), "doctor");

        result.ExitCode.Should().Be(1, result.Out + result.Error);
        result.Out.Should().MatchRegex(@"ok\s+video model\s+fal-ai/kling-video/o3/pro/reference-to-video");
        result.Out.Should().MatchRegex(@"ok\s+video fallback 1\s+leonardo:kling-3\.0");
        result.Out.Should().MatchRegex(@"FAIL\s+video fallback 2\s+fal-ai/some/unpriced/endpoint is unknown \(no price\)");
    }

    private static Dictionary<string, string?> Environment(EmulatorServer emulator) => new(StringComparer.Ordinal)
    {
        ["STARSEND_FAL_QUEUE_URL"] = emulator.FalQueueUrl,
        ["STARSEND_FAL_REST_URL"] = emulator.FalRestUrl,
        ["STARSEND_GEMINI_URL"] = emulator.GeminiUrl,
        ["STARSEND_LEONARDO_URL"] = emulator.LeonardoUrl,
        ["FAL_KEY"] = "test-id:test-secret",
        ["GEMINI_API_KEY"] = "test-gemini-key",
        ["LEONARDO_API_KEY"] = "test-leonardo-key",
    };
}
