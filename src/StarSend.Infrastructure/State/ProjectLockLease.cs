namespace StarSend.Infrastructure.State;

/// <summary>A held project lock; disposing it releases the lock once, whatever happens to the holder note.</summary>
internal sealed class ProjectLockLease(FileStream stream, string holderFile, SemaphoreSlim gate) : IAsyncDisposable
{
    private int _released;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _released, 1) != 0)
        {
            return;
        }

        try
        {
            File.Delete(holderFile);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A stale note is harmless: the next holder replaces it.
        }
        finally
        {
            await stream.DisposeAsync();
            gate.Release();
        }
    }
}
