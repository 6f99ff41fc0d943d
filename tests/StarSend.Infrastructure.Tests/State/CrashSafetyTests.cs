using System.Text.Json;
using StarSend.Core.Json;
using StarSend.Core.Projects;
using StarSend.Infrastructure.State;
using StarSend.Testing;
using StarSend.TestChild;
using Xunit.Abstractions;

namespace StarSend.Infrastructure.Tests.State;

/// <summary>Real processes killed with SIGKILL while they rewrite a state file.</summary>
public sealed class CrashSafetyTests(ITestOutputHelper output)
{
    private const int _trials = 40;
    private const string _key = "take";

    [Fact]
    public async Task UpdateAsync_WriterKilledAtManyMoments_FileIsAlwaysAWholeReportedVersion()
    {
        var landedAfterWrite = 0;
        var tempsLeft = 0;
        var versions = new List<int>();

        for (var trial = 0; trial < _trials; trial++)
        {
            using var dir = new TempDirectory();
            var paths = new ProjectPaths(dir.Path);
            var killAfter = trial % 10 == 0 ? "ready" : $"wrote {1 + (trial * 7 % 25)}";

            await using var child = TestChildProcess.Start("write", dir.Path, "1000000", _key);
            await child.WaitForLineAsync(killAfter);
            await child.KillAsync();
            var reported = (await child.ReadRemainingLinesAsync())
                .Prepend(killAfter)
                .Select(line => line.StartsWith("wrote ", StringComparison.Ordinal) ? int.Parse(line[6..]) : 0)
                .Max();

            tempsLeft += Directory.Exists(paths.StateDir) ? Directory.GetFiles(paths.StateDir, ".executions.json.*.tmp").Length : 0;
            var store = new ExecutionStore(paths, TimeProvider.System);
            var onDisk = await store.ReadAsync(CancellationToken.None);
            var version = onDisk.Uploads.Count;

            version.Should().BeOneOf([reported, reported + 1], "trial {0} killed after '{1}'", trial, killAfter);
            if (version > 0)
            {
                (await File.ReadAllTextAsync(paths.ExecutionsFile)).Should().Be(Serialized(version), "trial {0} must hold version {1} whole", trial, version);
            }

            landedAfterWrite += version == reported + 1 ? 1 : 0;
            versions.Add(version);

            await store.UpdateAsync(doc => Workloads.AddUpload(doc, _key, version + 1), CancellationToken.None);
            Directory.GetFiles(paths.StateDir, ".executions.json.*.tmp").Should().BeEmpty("a later write removes the temp files of dead writers");
        }

        output.WriteLine(
            $"{_trials} kills: versions {versions.Min()}..{versions.Max()} on disk, all whole; {landedAfterWrite} landed after a rename but before the " +
            $"child said so; {tempsLeft} left a temp file (killed mid-write), cleaned by the next write");
        versions.Should().HaveCount(_trials);
    }

    private static string Serialized(int version) =>
        JsonSerializer.Serialize(Workloads.Version(_key, version), StarSendJson.Options) + "\n";
}
