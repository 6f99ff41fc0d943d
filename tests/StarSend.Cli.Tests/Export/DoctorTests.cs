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
        failed.Should().Contain(f => f.StartsWith("image model: gemini-2.5-flash-image was retired", StringComparison.Ordinal));
        failed.Should().Contain(f => f.StartsWith("plan:", StringComparison.Ordinal) && f.Contains("dog.png", StringComparison.Ordinal));
    }

    private static Dictionary<string, string?> Environment(EmulatorServer emulator) => new(StringComparer.Ordinal)
    {
        ["STARSEND_FAL_QUEUE_URL"] = emulator.FalQueueUrl,
        ["STARSEND_FAL_REST_URL"] = emulator.FalRestUrl,
        ["STARSEND_GEMINI_URL"] = emulator.GeminiUrl,
        ["FAL_KEY"] = "test-id:test-secret",
        ["GEMINI_API_KEY"] = "test-gemini-key",
    };
}
