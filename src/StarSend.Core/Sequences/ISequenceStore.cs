namespace StarSend.Core.Sequences;

/// <summary>
/// <c>state/client/sequences.json</c>. Every change is a read-modify-write under the project lock, written atomically.
/// </summary>
public interface ISequenceStore
{
    Task<SequencesDocument> ReadAsync(CancellationToken cancellationToken);

    /// <summary>Applies <paramref name="change"/> to the latest document under the lock and saves it; returns what was saved.</summary>
    Task<SequencesDocument> UpdateAsync(Func<SequencesDocument, SequencesDocument> change, CancellationToken cancellationToken);
}
