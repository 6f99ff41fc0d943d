namespace StarSend.Core.Executions;

/// <summary>
/// The StepRunner's record of every paid call. Every change is a read-modify-write of the whole document under the
/// project lock, written atomically, so concurrent processes never lose an update.
/// </summary>
public interface IExecutionStore
{
    Task<ExecutionsDocument> ReadAsync(CancellationToken cancellationToken);

    /// <summary>Applies <paramref name="change"/> to the latest document under the lock and saves it; returns what was saved.</summary>
    Task<ExecutionsDocument> UpdateAsync(Func<ExecutionsDocument, ExecutionsDocument> change, CancellationToken cancellationToken);
}
