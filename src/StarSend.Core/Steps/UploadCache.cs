using System.Collections.Concurrent;
using StarSend.Core.Executions;
using StarSend.Core.Providers;

namespace StarSend.Core.Steps;

/// <summary>
/// Uploads each file content once per provider and reuses its URL (or, for Leonardo, its init-image id) while the
/// provider keeps it (recorded in executions.json: fal's under the content hash, other providers' under
/// <c>provider:hash</c>).
/// </summary>
internal sealed class UploadCache(IExecutionStore store, IVideoProvider video, TimeProvider time, TimeSpan reuse)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _inFlight = new(StringComparer.Ordinal);

    public Task<string> UrlForAsync(string path, CancellationToken cancellationToken) => UrlForAsync(path, null, cancellationToken);

    /// <summary>The URL (or provider image id) of <paramref name="path"/>'s content as <paramref name="model"/>'s provider knows it; null means fal.</summary>
    public async Task<string> UrlForAsync(string path, string? model, CancellationToken cancellationToken)
    {
        var hash = await Fingerprint.OfFileAsync(path, cancellationToken);
        var provider = model is null ? Providers.VideoModels.VideoModelId.Fal : Providers.VideoModels.VideoModelId.Parse(model).Provider;
        var sha = provider == Providers.VideoModels.VideoModelId.Fal ? hash : $"{provider}:{hash}";
        var lazy = _inFlight.GetOrAdd(sha, key => new Lazy<Task<string>>(() => UploadOnceAsync(key, path, provider == Providers.VideoModels.VideoModelId.Fal ? null : model, cancellationToken)));
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

    private async Task<string> UploadOnceAsync(string sha, string path, string? model, CancellationToken cancellationToken)
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
            url = model is null
                ? await video.UploadAsync(sending.Path, sending.ContentType, cancellationToken)
                : await video.UploadForAsync(model, sending.Path, sending.ContentType, cancellationToken);
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
