using System.Collections.Concurrent;

namespace StarSend.Emulator.Queue;

/// <summary>Accepted jobs by request id.</summary>
internal sealed class JobStore
{
    private readonly ConcurrentDictionary<string, QueueJob> _jobs = new();

    public void Add(QueueJob job) => _jobs[job.RequestId] = job;

    /// <summary>The job with this id submitted to this app (owner/alias); another app's id is not found, as on fal.</summary>
    public QueueJob? Find(string appPath, string requestId) =>
        _jobs.TryGetValue(requestId, out var job) && job.AppPath == appPath ? job : null;

    public void Clear() => _jobs.Clear();
}
