using StarSend.Core.Projects;
using StarSend.Core.Sequences;

namespace StarSend.Infrastructure.State;

/// <summary><c>state/client/sequences.json</c> on disk.</summary>
public sealed class SequenceStore(ProjectPaths paths, TimeProvider time, StateFileOptions? options = null) : ISequenceStore
{
    private readonly JsonStateFile<SequencesDocument> _file =
        new(paths, paths.SequencesFile, SequencesDocument.CurrentSchemaVersion, time, options);

    /// <summary>The document, migrated forward from an older schema (a newer one is refused by the state file).</summary>
    public async Task<SequencesDocument> ReadAsync(CancellationToken cancellationToken) => (await _file.ReadAsync(cancellationToken)).MigrateForward();

    /// <summary>As <see cref="ReadAsync"/>, on the calling thread (for read-only views such as <c>status</c>).</summary>
    /// <exception cref="StarSend.Core.Errors.StateFileException">The file is unreadable or of a newer schema.</exception>
    public SequencesDocument Read() => _file.Read().MigrateForward();

    public Task<SequencesDocument> UpdateAsync(Func<SequencesDocument, SequencesDocument> change, CancellationToken cancellationToken) =>
        _file.UpdateAsync(doc => change(doc.MigrateForward()).MigrateForward(), cancellationToken);
}
