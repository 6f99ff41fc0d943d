namespace StarSend.Core.Sequences;

/// <summary>
/// One running grid or generate per sequence across every process on the project: a second producer starting the
/// same sequence is told who is on it instead of submitting (and paying) alongside.
/// </summary>
public interface ISequenceLeases
{
    /// <summary>Takes the sequence's lease or throws <c>IllegalTransitionException</c> naming who holds it.</summary>
    Task<IAsyncDisposable> AcquireAsync(string sequenceId, string purpose, CancellationToken cancellationToken);
}
