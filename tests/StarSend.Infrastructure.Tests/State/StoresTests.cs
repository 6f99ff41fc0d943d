using Microsoft.Extensions.Time.Testing;
using StarSend.Core.Executions;
using StarSend.Core.Projects;
using StarSend.Core.Sequences;
using StarSend.Infrastructure.State;
using StarSend.Testing;

namespace StarSend.Infrastructure.Tests.State;

public sealed class StoresTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = DrivenClock.NewFake();
    private readonly ProjectPaths _paths;

    public StoresTests()
    {
        _paths = new ProjectPaths(_dir.Path);
    }

    [Fact]
    public async Task SequenceStore_UpdateAsync_WritesStateClientSequencesJson()
    {
        var sut = new SequenceStore(_paths, _time);

        await sut.UpdateAsync(d => d with { Sequences = new() { ["SEQ01"] = new SequenceRecord { Id = "SEQ01", State = SequenceState.GridReview } } }, CancellationToken.None);

        var text = await File.ReadAllTextAsync(Path.Combine(_dir.Path, "state", "client", "sequences.json"));
        text.Should().Contain("\"state\": \"grid_review\"");
        (await new SequenceStore(_paths, _time).ReadAsync(CancellationToken.None)).Sequences["SEQ01"].State.Should().Be(SequenceState.GridReview);
    }

    [Fact]
    public async Task ExecutionStore_ReadAsync_UnreadableJournalEntry_IsAStateFileProblemNamingIt()
    {
        // A journal entry holds a paid request id: it is neither skipped nor an "unexpected" crash.
        Directory.CreateDirectory(Path.Combine(_dir.Path, "state", "journal"));
        await File.WriteAllTextAsync(Path.Combine(_dir.Path, "state", "journal", "SEQ01.1.json"), "{ broken");

        var read = () => new ExecutionStore(_paths, _time).ReadAsync(CancellationToken.None);

        (await read.Should().ThrowAsync<StarSend.Core.Errors.StateFileException>()).Which.Message.Should()
            .Contain("state/journal/SEQ01.1.json").And.Contain("request id").And.NotContain("\n");
    }

    [Fact]
    public async Task ExecutionStore_UpdateAsync_WritesStateExecutionsJson()
    {
        var sut = new ExecutionStore(_paths, _time);
        var record = new ExecutionRecord
        {
            Id = "SEQ01_grid#1",
            StepId = "SEQ01_grid",
            Attempt = 1,
            Kind = ExecutionKind.Keyframe,
            Status = ExecutionStatus.Submitted,
            RunId = "r1",
            Fingerprint = "f",
            Model = "m",
            RequestId = "req-1",
            CreatedAt = _time.GetUtcNow(),
        };

        await sut.UpdateAsync(d => d with { Executions = new() { [record.Id] = record } }, CancellationToken.None);

        var text = await File.ReadAllTextAsync(Path.Combine(_dir.Path, "state", "executions.json"));
        text.Should().Contain("\"status\": \"submitted\"").And.Contain("\"request_id\": \"req-1\"");
        (await new ExecutionStore(_paths, _time).ReadAsync(CancellationToken.None)).Executions[record.Id].Should().BeEquivalentTo(record);
    }

    [Fact]
    public async Task Stores_UpdatingBothFilesAtOnce_ShareOneProjectLockAndLoseNothing()
    {
        var sequences = new SequenceStore(_paths, _time);
        var executions = new ExecutionStore(_paths, _time);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => i % 2 == 0
            ? (Task)sequences.UpdateAsync(d => d with { Sequences = new(d.Sequences) { [$"S{i}"] = new SequenceRecord { Id = $"S{i}" } } }, CancellationToken.None)
            : executions.UpdateAsync(d => d with { Uploads = new(d.Uploads) { [$"U{i}"] = new UploadRecord("u", _time.GetUtcNow()) } }, CancellationToken.None)));

        (await sequences.ReadAsync(CancellationToken.None)).Sequences.Should().HaveCount(10);
        (await executions.ReadAsync(CancellationToken.None)).Uploads.Should().HaveCount(10);
    }

    public void Dispose() => _dir.Dispose();
}
