using StarSend.Core.Projects;
using StarSend.Core.Sequences;

namespace StarSend.Infrastructure.State;

/// <summary><c>state/client/sequences.json</c> on disk.</summary>
public sealed class SequenceStore(ProjectPaths paths, TimeProvider time, StateFileOptions? options = null) : ISequenceStore
{
    private readonly JsonStateFile<SequencesDocument> _file =
        new(paths, paths.SequencesFile, SequencesDocument.CurrentSchemaVersion, time, options);

    /// <summary>The document as <see cref="Read"/> gives it (read synchronously: the task is complete when returned).</summary>
    public Task<SequencesDocument> ReadAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Read());
    }

    /// <summary>The document, migrated forward from an older schema (a newer one is refused by the state file).</summary>
    /// <exception cref="StarSend.Core.Errors.StateFileException">The file is unreadable or of a newer schema.</exception>
    public SequencesDocument Read() => _file.Read().MigrateForward();

    public Task<SequencesDocument> UpdateAsync(Func<SequencesDocument, SequencesDocument> change, CancellationToken cancellationToken) =>
        _file.UpdateAsync(doc => change(doc.MigrateForward()).MigrateForward(), cancellationToken);
}
