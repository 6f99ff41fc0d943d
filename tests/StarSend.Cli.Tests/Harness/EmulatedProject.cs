using StarSend.Cli.Commands;
using StarSend.Emulator;
using StarSend.Testing;

namespace StarSend.Cli.Tests.Harness;

/// <summary>A copy of the demo project in a temp folder and a real loopback emulator, with the environment that points one at the other.</summary>
public sealed class EmulatedProject : IAsyncDisposable
{
    private readonly TempDirectory _temp = new();

    private EmulatedProject(EmulatorServer emulator)
    {
        Emulator = emulator;
        Dir = _temp.Combine("project");
        DemoProject.CopyTo(Dir);
    }

    public EmulatorServer Emulator { get; }

    public string Dir { get; }

    public string Root => _temp.Path;

    public Dictionary<string, string?> Environment => new(StringComparer.Ordinal)
    {
        ["STARSEND_FAL_QUEUE_URL"] = Emulator.FalQueueUrl,
        ["STARSEND_FAL_REST_URL"] = Emulator.FalRestUrl,
        ["STARSEND_GEMINI_URL"] = Emulator.GeminiUrl,
        ["STARSEND_LEONARDO_URL"] = Emulator.LeonardoUrl,
        ["LEONARDO_API_KEY"] = "test-leonardo-key",
        ["FAL_KEY"] = "test-id:test-secret",
        ["GEMINI_API_KEY"] = "test-gemini-key",
    };

    public static async Task<EmulatedProject> StartAsync(EmulatorOptions? options = null) =>
        new(await EmulatorServer.StartAsync(options ?? new EmulatorOptions { QueueWait = TimeSpan.FromMilliseconds(50), RunTime = TimeSpan.FromMilliseconds(300) }, CancellationToken.None));

    public Task<CliResult> RunAsync(params string[] args) => Cli.RunAsync(Dir, Environment, args);

    /// <summary>A fresh copy of the project folder as it is now (state, media and all).</summary>
    public string CopyProject(string name)
    {
        var target = _temp.Combine(name);
        foreach (var file in Directory.EnumerateFiles(Dir, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(Dir, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

        return target;
    }

    public async ValueTask DisposeAsync()
    {
        await Emulator.DisposeAsync();
        _temp.Dispose();
    }
}
