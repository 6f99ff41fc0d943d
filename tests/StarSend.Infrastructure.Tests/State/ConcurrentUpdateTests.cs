using StarSend.Core.Projects;
using StarSend.Infrastructure.State;
using StarSend.Testing;
using StarSend.TestChild;
using Xunit.Abstractions;

namespace StarSend.Infrastructure.Tests.State;

/// <summary>Several real processes, each with two tasks, updating one state document at once.</summary>
public sealed class ConcurrentUpdateTests(ITestOutputHelper output)
{
    private const int _processes = 4;
    private const int _updatesEach = 60;

    [Fact]
    public async Task UpdateAsync_FourProcessesAtOnce_LoseNoUpdate()
    {
        using var dir = new TempDirectory();
        var keys = Enumerable.Range(1, _processes).Select(i => $"SEQ{i:D2}").ToList();
        var children = keys.Select(key => TestChildProcess.Start("hammer", dir.Path, $"{_updatesEach}", key)).ToList();
        try
        {
            await Task.WhenAll(children.Select(c => c.WaitForLineAsync("ready")));
            await Task.WhenAll(children.Select((c, i) => c.WaitForLineAsync($"done {keys[i]} {_updatesEach}")));
            var exitCodes = await Task.WhenAll(children.Select(c => c.WaitForExitAsync()));
            exitCodes.Should().AllBeEquivalentTo(0, string.Concat(children.Select(c => c.Errors)));
        }
        finally
        {
            foreach (var child in children)
            {
                await child.DisposeAsync();
            }
        }

        var doc = await new SequenceStore(new ProjectPaths(dir.Path), TimeProvider.System).ReadAsync(CancellationToken.None);
        var shared = doc.Sequences[Workloads.Shared].Grids;
        output.WriteLine($"{_processes} processes x {_updatesEach} updates: shared counter {shared.Count}; own counters " +
            string.Join(", ", keys.Select(k => $"{k}={doc.Sequences[k].Grids.Count}")));

        shared.Should().HaveCount(_processes * _updatesEach);
        shared.Select(g => g.Number).Should().Equal(Enumerable.Range(1, _processes * _updatesEach), "each update saw the one before it");
        foreach (var key in keys)
        {
            doc.Sequences[key].Grids.Should().HaveCount(_updatesEach);
            shared.Count(g => g.RunId == key).Should().Be(_updatesEach);
        }
    }
}
