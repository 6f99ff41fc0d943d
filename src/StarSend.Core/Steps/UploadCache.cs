using System.Collections.Concurrent;
using StarSend.Core.Executions;
using StarSend.Core.Providers;

namespace StarSend.Core.Steps;

/// <summary>Uploads each file content once and reuses its URL while the provider keeps it (recorded in executions.json).</summary>
internal sealed class UploadCache(IExecutionStore store, IVideoProvider video, TimeProvider time, TimeSpan reuse)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _inFlight = new(StringComparer.Ordinal);

    public async Task<string> UrlForAsync(string path, CancellationToken cancellationToken)
    {
        var sha = await Fingerprint.OfFileAsync(path, cancellationToken);
        var lazy = _inFlight.GetOrAdd(sha, key => new Lazy<Task<string>>(() => UploadOnceAsync(key, path, cancellationToken)));
        try
        {
            return await lazy.Value;
        }
        catch
        {
            _inFlight.TryRemove(sha, out _);
            throw;
        }
    }

    private async Task<string> UploadOnceAsync(string sha, string path, CancellationToken cancellationToken)
    {
        var doc = await store.ReadAsync(cancellationToken);
        if (doc.Uploads.TryGetValue(sha, out var known) && time.GetUtcNow() - known.UploadedAt < reuse)
        {
            return known.Url;
        }

        // An image goes upright, in sRGB and under the provider's byte limit; the file itself (a picked original) is kept.
        var sending = await SendableFile.PrepareAsync(path, cancellationToken);
        string url;
        try
        {
            url = await video.UploadAsync(sending.Path, sending.ContentType, cancellationToken);
        }
        finally
        {
            sending.Dispose();
        }

        var record = new UploadRecord(url, time.GetUtcNow());
        await store.UpdateAsync(d => d with { Uploads = new(d.Uploads, StringComparer.Ordinal) { [sha] = record } }, CancellationToken.None);
        return url;
    }
}
