using System.Collections.Concurrent;

namespace StarSend.Emulator.Queue;

/// <summary>Accepted jobs by request id.</summary>
internal sealed class JobStore
{
    private readonly ConcurrentDictionary<string, QueueJob> _jobs = new();
    private readonly ConcurrentDictionary<string, long> _order = new();
    private long _next;

    public void Add(QueueJob job)
    {
        _order[job.RequestId] = Interlocked.Increment(ref _next);
        _jobs[job.RequestId] = job;
    }

    /// <summary>The job with this id submitted to this app (owner/alias); another app's id is not found, as on fal.</summary>
    public QueueJob? Find(string appPath, string requestId) =>
        _jobs.TryGetValue(requestId, out var job) && job.AppPath == appPath ? job : null;

    /// <summary>Every job submitted to <paramref name="modelId"/> (the full endpoint id), oldest first.</summary>
    public IReadOnlyList<QueueJob> ForEndpoint(string modelId) =>
        [.. _jobs.Values.Where(j => j.ModelId == modelId).OrderBy(j => j.SubmittedAt).ThenBy(j => _order.GetValueOrDefault(j.RequestId))];

    public void Clear()
    {
        _jobs.Clear();
        _order.Clear();
    }
}
