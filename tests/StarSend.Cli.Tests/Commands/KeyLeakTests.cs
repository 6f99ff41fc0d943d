using System.Text;
using StarSend.Cli.Tests.Commands.Support;
using StarSend.Cli.Tests.Harness;

namespace StarSend.Cli.Tests.Commands;

/// <summary>Keys are sent to the providers and nowhere else: not stdout, stderr, logs, state or media — even when a call fails.</summary>
public sealed class KeyLeakTests
{
    private const string FalKey = "secret-key-123:abc";
    private const string FalKeyId = "secret-key-123";
    private const string GeminiKey = "gem-secret-456";

    [Fact]
    public async Task PaidCommands_KeysRefusedWith401And403_NeverShowOrStoreTheKeys()
    {
        await using var project = await EmulatedProject.StartAsync();
        await project.GridAndPickAsync("SEQ01");
        await using var refusing = new RefusingServer();
        var env = SecretEnvironment(project, refusing.Url, refusing.Url);

        var results = await RunPaidCommandsAsync(project, env);

        results.Should().OnlyContain(r => r.ExitCode == StarSend.Core.Errors.ExitCodes.ProviderFailed);
        var heads = refusing.Requests.ToList();
        heads.Should().Contain(h => h.Contains($"x-goog-api-key: {GeminiKey}", StringComparison.OrdinalIgnoreCase), "the Gemini key was really sent");
        heads.Should().Contain(h => h.Contains($"Authorization: Key {FalKey}", StringComparison.OrdinalIgnoreCase), "the fal key was really sent");
        string.Concat(results.Select(r => r.Out + r.Error)).Should().Contain("FAL_KEY").And.Contain("GEMINI_API_KEY", "the error says which key was refused");
        ShouldNotLeak(project.Dir, results);
    }

    [Fact]
    public async Task PaidCommands_WrongProviderUrls_NeverShowOrStoreTheKeys()
    {
        await using var project = await EmulatedProject.StartAsync();
        await project.GridAndPickAsync("SEQ01");
        var wrong = project.Emulator.BaseUrl.ToString().TrimEnd('/') + "/not-a-provider";
        var env = SecretEnvironment(project, wrong, wrong);

        var results = await RunPaidCommandsAsync(project, env);

        results.Should().OnlyContain(r => r.ExitCode != 0);
        StateFiles.State(project.Dir, "SEQ01").Should().Be("start_frame_approved");
        StateFiles.Sequence(project.Dir, "SEQ01")["takes"]!.AsArray().Should().BeEmpty();
        ShouldNotLeak(project.Dir, results);
    }

    private static Dictionary<string, string?> SecretEnvironment(EmulatedProject project, string falUrl, string geminiUrl)
    {
        var env = project.Environment;
        env["FAL_KEY"] = FalKey;
        env["GEMINI_API_KEY"] = GeminiKey;
        env["STARSEND_FAL_QUEUE_URL"] = falUrl;
        env["STARSEND_FAL_REST_URL"] = falUrl;
        env["STARSEND_GEMINI_URL"] = geminiUrl;
        return env;
    }

    /// <summary>A grid (Gemini) and a generate (fal), verbose so every log line reaches stderr, and a generate with --json.</summary>
    private static async Task<List<CliResult>> RunPaidCommandsAsync(EmulatedProject project, Dictionary<string, string?> env) =>
    [
        await Harness.Cli.RunAsync(project.Dir, env, "grid", "SEQ02", "--verbose"),
        await Harness.Cli.RunAsync(project.Dir, env, "generate", "SEQ01", "--verbose"),
        await Harness.Cli.RunAsync(project.Dir, env, "generate", "SEQ01", "--json"),
    ];

    private static void ShouldNotLeak(string project, List<CliResult> results)
    {
        foreach (var result in results)
        {
            result.ShouldHaveNoStackTrace();
            foreach (var secret in new[] { FalKeyId, GeminiKey })
            {
                result.Out.Should().NotContain(secret);
                result.Error.Should().NotContain(secret);
            }
        }

        var files = Directory.EnumerateFiles(project, "*", SearchOption.AllDirectories).ToList();
        files.Should().Contain(f => f.Contains($"{Path.DirectorySeparatorChar}logs{Path.DirectorySeparatorChar}", StringComparison.Ordinal), "the failures were logged");
        foreach (var file in files)
        {
            var text = Encoding.UTF8.GetString(File.ReadAllBytes(file));
            text.Should().NotContain(FalKeyId, file).And.NotContain(GeminiKey, file);
        }
    }
}
