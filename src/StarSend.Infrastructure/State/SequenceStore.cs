using StarSend.Core.Projects;
using StarSend.Core.Sequences;

namespace StarSend.Infrastructure.State;

/// <summary><c>state/client/sequences.json</c> on disk.</summary>
public sealed class SequenceStore(ProjectPaths paths, TimeProvider time, StateFileOptions? options = null) : ISequenceStore
{
    private readonly JsonStateFile<SequencesDocument> _file =
        new(paths, paths.SequencesFile, SequencesDocument.CurrentSchemaVersion, time, options);

    public Task<SequencesDocument> ReadAsync(CancellationToken cancellationToken) => _file.ReadAsync(cancellationToken);

    public Task<SequencesDocument> UpdateAsync(Func<SequencesDocument, SequencesDocument> change, CancellationToken cancellationToken) =>
        _file.UpdateAsync(change, cancellationToken);
}
