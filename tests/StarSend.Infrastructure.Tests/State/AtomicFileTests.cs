using System.Text;
using StarSend.Infrastructure.State;
using StarSend.Testing;

namespace StarSend.Infrastructure.Tests.State;

public sealed class AtomicFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task WriteAllBytesAsync_NewFile_WritesTheBytesAndNoTemp()
    {
        var path = _dir.Combine("a.json");
        var bytes = Encoding.UTF8.GetBytes("{\"x\": 1}\n");

        await AtomicFile.WriteAllBytesAsync(path, bytes, CancellationToken.None);

        (await File.ReadAllBytesAsync(path)).Should().Equal(bytes);
        Directory.GetFiles(_dir.Path).Should().ContainSingle().Which.Should().Be(path);
    }

    [Fact]
    public async Task WriteAllTextAsync_LongerFileThere_ReplacesItWhole()
    {
        var path = _dir.Combine("a.json");
        await File.WriteAllTextAsync(path, new string('x', 10_000));

        await AtomicFile.WriteAllTextAsync(path, "short é", CancellationToken.None);

        (await File.ReadAllBytesAsync(path)).Should().Equal(Encoding.UTF8.GetBytes("short é"), "no BOM, nothing of the old file");
    }

    [Fact]
    public async Task WriteAllBytesAsync_TempOfADeadProcess_IsRemoved()
    {
        var path = _dir.Combine("a.json");
        var abandoned = _dir.Combine(".a.json.2147483646.0badc0ffee00.tmp");
        await File.WriteAllTextAsync(abandoned, "{ half a fi");

        await AtomicFile.WriteAllBytesAsync(path, "{}"u8.ToArray(), CancellationToken.None);

        File.Exists(abandoned).Should().BeFalse();
        File.Exists(path).Should().BeTrue();
    }

    [Fact]
    public async Task WriteAllBytesAsync_TempOfARunningProcess_IsKept()
    {
        var path = _dir.Combine("a.json");
        var inFlight = _dir.Combine(".a.json.1.0badc0ffee00.tmp");
        await File.WriteAllTextAsync(inFlight, "{ being writ");

        await AtomicFile.WriteAllBytesAsync(path, "{}"u8.ToArray(), CancellationToken.None);

        File.Exists(inFlight).Should().BeTrue("pid 1 is alive and may still rename its temp file");
    }

    [Fact]
    public async Task WriteAllBytesAsync_Cancelled_LeavesTargetAndNoTemp()
    {
        var path = _dir.Combine("a.json");
        await File.WriteAllTextAsync(path, "old");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var act = () => AtomicFile.WriteAllBytesAsync(path, "new"u8.ToArray(), cancelled.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        (await File.ReadAllTextAsync(path)).Should().Be("old");
        Directory.GetFiles(_dir.Path).Should().ContainSingle();
    }

    [Fact]
    public async Task WriteAllBytesAsync_ManyWritersAtOnce_FileIsOneOfTheirVersions()
    {
        var path = _dir.Combine("a.json");
        var versions = Enumerable.Range(0, 24).Select(i => new string((char)('a' + i), 20_000 + i)).ToList();

        await Task.WhenAll(versions.Select(v => Task.Run(() => AtomicFile.WriteAllTextAsync(path, v, CancellationToken.None))));

        versions.Should().Contain(await File.ReadAllTextAsync(path));
        Directory.GetFiles(_dir.Path).Should().ContainSingle();
    }

    public void Dispose() => _dir.Dispose();
}
