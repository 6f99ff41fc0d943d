using StarSend.Testing;
using CliRun = StarSend.Cli.Tests.Harness.Cli;

namespace StarSend.Cli.Tests.Export;

/// <summary>One run of <c>starsend demo</c> (the whole workflow against the in-process emulator) shared by the export tests, each of which works on its own copy.</summary>
public sealed class DemoProjectFixture : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _temp = new();

    public string Dir => _temp.Combine("demo");

    public async Task InitializeAsync()
    {
        var result = await CliRun.RunAsync(_temp.Path, "demo", "--dir", Dir);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"demo failed ({result.ExitCode}): {result.Error}");
        }
    }

    /// <summary>A copy of the finished demo project in a new temp folder owned by <paramref name="owner"/>.</summary>
    public string CopyTo(TempDirectory owner)
    {
        var target = owner.Combine("project");
        foreach (var file in Directory.EnumerateFiles(Dir, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(Dir, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

        return target;
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _temp.Dispose();
}
