using System.Collections.Concurrent;
using StarSend.Core.Errors;
using StarSend.Core.Projects;

namespace StarSend.Infrastructure.State;

/// <summary>
/// The project lock: one holder at a time across processes and across the tasks of one process. Held only for a
/// short read-modify-write of a state file, never across a provider call. Not re-entrant.
/// </summary>
/// <remarks>
/// Across processes it is a <see cref="FileShare.None"/> open of <c>state/project.lock</c> (flock on Linux and macOS,
/// a share lock on Windows), which the kernel drops when the holder dies, so a crash never leaves the project locked.
/// Within a process, a <see cref="SemaphoreSlim"/> per lock file queues the tasks in arrival order.
/// </remarks>
public sealed class ProjectLock
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);
    private static readonly TimeSpan _maxRetryWait = TimeSpan.FromMilliseconds(20);

    private readonly string _lockFile;
    private readonly string _holderFile;
    private readonly string _displayName;
    private readonly SemaphoreSlim _gate;

    public ProjectLock(ProjectPaths paths)
        : this(paths.LockFile, paths.Relative(paths.LockFile))
    {
    }

    public ProjectLock(string lockFile, string displayName)
    {
        _lockFile = Path.GetFullPath(lockFile);
        _holderFile = _lockFile + ".holder";
        _displayName = displayName;
        _gate = _gates.GetOrAdd(_lockFile, _ => new SemaphoreSlim(1, 1));
    }

    /// <summary>
    /// Waits up to <paramref name="timeout"/> for the lock. <paramref name="purpose"/> (e.g. the command line) is shown
    /// to anyone who times out waiting for it. Dispose the result to release the lock.
    /// </summary>
    /// <exception cref="StateFileException">The lock stayed held for <paramref name="timeout"/>; the message names the holder.</exception>
    public async Task<IAsyncDisposable> AcquireAsync(TimeSpan timeout, string purpose, TimeProvider time, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        await EnterGateAsync(timeout, time, cancellationToken);
        FileStream stream;
        try
        {
            stream = await OpenAsync(started, timeout, time, cancellationToken);
        }
        catch
        {
            _gate.Release();
            throw;
        }

        var lease = new ProjectLockLease(stream, _holderFile, _gate);
        await WriteHolderAsync(purpose, time);
        return lease;
    }

    private async Task<FileStream> OpenAsync(long started, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_lockFile)!);
        for (var attempt = 0; ; attempt++)
        {
            if (TryOpen() is { } stream)
            {
                return stream;
            }

            var left = timeout - time.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
            {
                throw Locked(time);
            }

            await Task.Delay(RetryWait(attempt, left), time, cancellationToken);
        }
    }

    private async Task EnterGateAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        if (_gate.Wait(0, CancellationToken.None))
        {
            return;
        }

        using var expiry = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(expiry.Token, cancellationToken);
        try
        {
            await _gate.WaitAsync(linked.Token);
        }
        catch (OperationCanceledException) when (expiry.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw Locked(time);
        }
    }

    private FileStream? TryOpen()
    {
        try
        {
            return new FileStream(_lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 0);
        }
        catch (IOException ex) when (IsHeldElsewhere(ex))
        {
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StateFileException($"cannot open the project lock {_displayName}: {ex.Message}", ex);
        }
    }

    private async Task WriteHolderAsync(string purpose, TimeProvider time)
    {
        var holder = new LockHolder(Environment.ProcessId, Environment.MachineName, purpose, time.GetUtcNow());
        try
        {
            await LockHolder.WriteAsync(_holderFile, holder, CancellationToken.None);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Only the message of a process that times out waiting would lack the holder; the lock itself is sound.
        }
    }

    private StateFileException Locked(TimeProvider time) =>
        LockHolder.TryRead(_holderFile) is { } holder
            ? new StateFileException($"project is locked by {holder.Describe(time.LocalTimeZone)}; try again or wait")
            : new StateFileException($"project is locked by another process ({_displayName}); try again or wait");

    /// <summary>
    /// What .NET reports for a lock held by another open: the errno of a refused flock (EWOULDBLOCK: 11 on Linux,
    /// 35 on macOS) on Unix, ERROR_SHARING_VIOLATION or ERROR_LOCK_VIOLATION on Windows.
    /// </summary>
    private static bool IsHeldElsewhere(IOException ex) =>
        ex is not (FileNotFoundException or DirectoryNotFoundException or PathTooLongException)
        && (OperatingSystem.IsWindows() ? (ex.HResult & 0xFFFF) is 32 or 33 : ex.HResult == (OperatingSystem.IsLinux() ? 11 : 35));

    private static TimeSpan RetryWait(int attempt, TimeSpan left)
    {
        var ceiling = Math.Min(_maxRetryWait.TotalMilliseconds, Math.Pow(2, Math.Min(attempt, 8)));
        var wait = TimeSpan.FromMilliseconds(1 + (Random.Shared.NextDouble() * ceiling));
        return wait < left ? wait : left;
    }
}
