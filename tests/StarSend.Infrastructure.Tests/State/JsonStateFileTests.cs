using Microsoft.Extensions.Time.Testing;
using StarSend.Core.Errors;
using StarSend.Core.Executions;
using StarSend.Core.Projects;
using StarSend.Infrastructure.State;
using StarSend.Testing;

namespace StarSend.Infrastructure.Tests.State;

public sealed class JsonStateFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = DrivenClock.NewFake();
    private readonly ProjectPaths _paths;

    public JsonStateFileTests()
    {
        _paths = new ProjectPaths(_dir.Path);
    }

    [Fact]
    public async Task ReadAsync_NoFile_ReturnsANewDocumentAndWritesNothing()
    {
        var doc = await CreateSut().ReadAsync(CancellationToken.None);

        doc.SchemaVersion.Should().Be(ExecutionsDocument.CurrentSchemaVersion);
        doc.Executions.Should().BeEmpty();
        File.Exists(_paths.ExecutionsFile).Should().BeFalse();
    }

    [Fact]
    public async Task UpdateAsync_ThenReadAsync_RoundTripsInSnakeCase()
    {
        var sut = CreateSut();
        var upload = new UploadRecord("https://fal.media/files/a.png", _time.GetUtcNow());

        await sut.UpdateAsync(d => d with { Uploads = new() { ["abc"] = upload } }, CancellationToken.None);
        var read = await sut.ReadAsync(CancellationToken.None);

        read.Uploads.Should().ContainKey("abc").WhoseValue.Should().Be(upload);
        var text = await File.ReadAllTextAsync(_paths.ExecutionsFile);
        text.Should().Contain("\"schema_version\": 1").And.Contain("\"uploaded_at\"").And.EndWith("}\n");
    }

    [Fact]
    public async Task ReadAsync_NewerSchemaVersion_RefusesAndSaysToUpgrade()
    {
        await WriteStateAsync("{ \"schema_version\": 3, \"executions\": { \"x\": { \"shape\": \"unknown to us\" } } }");

        var act = () => CreateSut().ReadAsync(CancellationToken.None);

        (await act.Should().ThrowAsync<StateFileException>()).Which.Message.Should().Be(
            "state/executions.json has schema version 3; this StarSend knows up to 1 — upgrade StarSend");
    }

    [Fact]
    public async Task UpdateAsync_NewerSchemaVersion_LeavesTheFileUntouched()
    {
        const string Newer = "{ \"schema_version\": 2 }";
        await WriteStateAsync(Newer);
        var changed = false;

        var act = () => CreateSut().UpdateAsync(d => { changed = true; return d; }, CancellationToken.None);

        await act.Should().ThrowAsync<StateFileException>().WithMessage("*schema version 2*");
        changed.Should().BeFalse();
        (await File.ReadAllTextAsync(_paths.ExecutionsFile)).Should().Be(Newer);
    }

    [Fact]
    public async Task ReadAsync_BrokenJson_NamesTheFileAndLine()
    {
        await WriteStateAsync("{\n  \"schema_version\": 1,\n  \"executions\": {},\n  \"uploads\": { \"a\": nope }\n}\n");

        var act = () => CreateSut().ReadAsync(CancellationToken.None);

        (await act.Should().ThrowAsync<StateFileException>()).Which.Message.Should()
            .StartWith("state/executions.json is unreadable at line 4, column ").And.EndWith("; fix it or restore it from a backup")
            .And.NotContain(_dir.Path, "messages name the file as the producer knows it");
    }

    [Fact]
    public async Task ReadAsync_TruncatedJson_NamesTheFileAndLine()
    {
        await WriteStateAsync("{\n  \"schema_version\": 1,\n  \"uploads\": {\n    \"a\": { \"url\": \"https://x\", \"upl");

        var act = () => CreateSut().ReadAsync(CancellationToken.None);

        await act.Should().ThrowAsync<StateFileException>().WithMessage("state/executions.json is unreadable at line 4*");
    }

    [Fact]
    public async Task ReadAsync_WrongShape_NamesTheFileAndLine()
    {
        await WriteStateAsync("{\n  \"schema_version\": 1,\n  \"executions\": [1, 2]\n}");

        var act = () => CreateSut().ReadAsync(CancellationToken.None);

        await act.Should().ThrowAsync<StateFileException>().WithMessage("state/executions.json is unreadable at line 3*");
    }

    [Fact]
    public async Task ReadAsync_FileWithBomAndComments_Reads()
    {
        Directory.CreateDirectory(_paths.StateDir);
        await File.WriteAllBytesAsync(
            _paths.ExecutionsFile,
            [0xEF, 0xBB, 0xBF, .. "{ // edited by hand\n \"schema_version\": 1, \"uploads\": { \"k\": { \"url\": \"u\", \"uploaded_at\": \"2026-01-01T00:00:00Z\" } }, }"u8]);

        var doc = await CreateSut().ReadAsync(CancellationToken.None);

        doc.Uploads["k"].Url.Should().Be("u");
    }

    [Fact]
    public async Task UpdateAsync_ChangeThrows_WritesNothingAndReleasesTheLock()
    {
        var sut = CreateSut();
        await sut.UpdateAsync(d => d with { Uploads = new() { ["a"] = new UploadRecord("u", _time.GetUtcNow()) } }, CancellationToken.None);
        var before = await File.ReadAllTextAsync(_paths.ExecutionsFile);

        var act = () => sut.UpdateAsync(_ => throw new BudgetExceededException("over budget"), CancellationToken.None);

        await act.Should().ThrowAsync<BudgetExceededException>();
        (await File.ReadAllTextAsync(_paths.ExecutionsFile)).Should().Be(before);
        var lockTimeoutZero = new JsonStateFile<ExecutionsDocument>(_paths, _paths.ExecutionsFile, 1, _time, new StateFileOptions { LockTimeout = TimeSpan.Zero });
        var after = await lockTimeoutZero.UpdateAsync(d => d, CancellationToken.None);
        after.Uploads.Should().ContainKey("a");
    }

    [Fact]
    public async Task UpdateAsync_ManyTasksOfOneProcess_LoseNoUpdate()
    {
        var sut = CreateSut();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(async () =>
        {
            for (var i = 0; i < 15; i++)
            {
                await sut.UpdateAsync(
                    d => d with { Uploads = new(d.Uploads) { [$"{t}-{i}"] = new UploadRecord($"{d.Uploads.Count}", _time.GetUtcNow()) } },
                    CancellationToken.None);
            }
        })));

        var doc = await sut.ReadAsync(CancellationToken.None);
        doc.Uploads.Should().HaveCount(120);
        doc.Uploads.Values.Select(u => int.Parse(u.Url)).Should().BeEquivalentTo(Enumerable.Range(0, 120), "each update saw all before it");
    }

    public void Dispose() => _dir.Dispose();

    private JsonStateFile<ExecutionsDocument> CreateSut() =>
        new(_paths, _paths.ExecutionsFile, ExecutionsDocument.CurrentSchemaVersion, _time);

    private async Task WriteStateAsync(string text)
    {
        Directory.CreateDirectory(_paths.StateDir);
        await File.WriteAllTextAsync(_paths.ExecutionsFile, text);
    }
}
