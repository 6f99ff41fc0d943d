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

    /// <summary>
    /// Durably notes the request id of an intent the moment the provider returns it, without waiting for the project
    /// lock, so a crash right after a submit still knows the job it paid for. Reads and updates see it as submitted.
    /// </summary>
    Task JournalSubmittedAsync(SubmittedJournal entry, CancellationToken cancellationToken);
}

/// <summary>A request id noted for an intent, before the full record is saved.</summary>
public sealed record SubmittedJournal(string ExecutionId, string RequestId, string StatusUrl, string ResponseUrl, string CancelUrl, DateTimeOffset SubmittedAt);
