using StarSend.Core.Executions;
using StarSend.Core.Projects;

namespace StarSend.Infrastructure.State;

/// <summary><c>state/executions.json</c> on disk, with the submission journal folded in.</summary>
public sealed class ExecutionStore(ProjectPaths paths, TimeProvider time, StateFileOptions? options = null) : IExecutionStore
{
    private readonly JsonStateFile<ExecutionsDocument> _file =
        new(paths, paths.ExecutionsFile, ExecutionsDocument.CurrentSchemaVersion, time, options);

    private readonly SubmissionJournal _journal = new(paths);

    /// <summary>The document as <see cref="Read"/> gives it (read synchronously: the task is complete when returned).</summary>
    public Task<ExecutionsDocument> ReadAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Read());
    }

    /// <summary>The document with the submission journal folded in.</summary>
    /// <exception cref="StarSend.Core.Errors.StateFileException">The file or a journal entry is unreadable, or of a newer schema.</exception>
    public ExecutionsDocument Read() => _journal.Apply(_file.Read());

    public async Task<ExecutionsDocument> UpdateAsync(Func<ExecutionsDocument, ExecutionsDocument> change, CancellationToken cancellationToken)
    {
        var saved = await _file.UpdateAsync(doc => change(_journal.Apply(doc)), cancellationToken);
        _journal.Prune(saved);
        return saved;
    }

    public Task JournalSubmittedAsync(SubmittedJournal entry, CancellationToken cancellationToken) => _journal.WriteAsync(entry, cancellationToken);
}
