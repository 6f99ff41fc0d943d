using StarSend.Core.Errors;
using StarSend.Core.Sequences;

namespace StarSend.Core.Workflow;

/// <summary>Runs one operation over several sequences concurrently (bounded); a failure of one does not stop the others.</summary>
public static class BatchRunner
{
    public static async Task<IReadOnlyList<SequenceOutcome>> RunAsync(
        IReadOnlyList<string> sequenceIds, int concurrency, Func<string, CancellationToken, Task<SequenceOutcome>> operation, CancellationToken cancellationToken,
        Action<string, Exception>? onUnexpected = null)
    {
        using var slots = new SemaphoreSlim(Math.Max(1, concurrency));
        string? blocked = null;
        var tasks = sequenceIds.Select(async id =>
        {
            await slots.WaitAsync(cancellationToken);
            try
            {
                // A locked or empty account refuses every paid call: the batch stops at the first refusal.
                if (Volatile.Read(ref blocked) is { } by)
                {
                    return new SequenceOutcome(id, ExitCodes.AccountBlocked, SequenceState.NotStarted, $"not started: {by}", 0);
                }

                var outcome = await operation(id, cancellationToken);
                if (outcome.ExitCode == ExitCodes.AccountBlocked)
                {
                    Interlocked.CompareExchange(ref blocked, $"the account was refused on {id}", null);
                }

                return outcome;
            }
            catch (StarSendException ex)
            {
                if (ex.ExitCode == ExitCodes.AccountBlocked)
                {
                    Interlocked.CompareExchange(ref blocked, $"the account was refused on {id}", null);
                }

                return new SequenceOutcome(id, ex.ExitCode, SequenceState.NotStarted, ex.Message, 0);
            }
#pragma warning disable CA1031 // One sequence's unexpected failure must not stop the others; it is reported as exit code 1.
            catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
            {
                onUnexpected?.Invoke(id, ex);
                return new SequenceOutcome(id, ExitCodes.Unexpected, SequenceState.NotStarted, $"unexpected {ex.GetType().Name}: {ex.Message}", 0);
            }
            finally
            {
                slots.Release();
            }
        }).ToList();
        return await Task.WhenAll(tasks);
    }

    /// <summary>The worst outcome decides the exit code: interrupted, then a blocked account, unexpected, budget, provider, state, input.</summary>
    public static int ExitCodeOf(IReadOnlyList<SequenceOutcome> outcomes)
    {
        int[] severity = [ExitCodes.Interrupted, ExitCodes.AccountBlocked, ExitCodes.Unexpected, ExitCodes.BudgetExceeded, ExitCodes.ProviderFailed, ExitCodes.IllegalState, ExitCodes.BadInput];
        foreach (var code in severity)
        {
            if (outcomes.Any(o => o.ExitCode == code))
            {
                return code;
            }
        }

        return ExitCodes.Ok;
    }
}
