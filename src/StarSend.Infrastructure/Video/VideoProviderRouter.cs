using StarSend.Core.Providers;
using StarSend.Core.Providers.VideoModels;

namespace StarSend.Infrastructure.Video;

/// <summary>
/// The one video port over several providers: each call goes to the provider its model id names
/// (<c>leonardo:…</c> to Leonardo; <c>fal:…</c> or a bare endpoint id to fal, which receives the bare id it always had).
/// Handles route by the model they carry, so a resumed job is polled where it was paid for.
/// </summary>
public sealed class VideoProviderRouter(IVideoProvider fal, IVideoProvider leonardo) : IVideoProvider
{
    public void Validate(VideoJob job) => Route(job, out var j).Validate(j);

    public decimal EstimateCostUsd(VideoJob job) => Route(job, out var j).EstimateCostUsd(j);

    /// <summary>Without a model the upload is fal's (what StarSend did before a second provider).</summary>
    public Task<string> UploadAsync(string localPath, string contentType, CancellationToken cancellationToken) =>
        fal.UploadAsync(localPath, contentType, cancellationToken);

    public Task<string> UploadForAsync(string model, string localPath, string contentType, CancellationToken cancellationToken) =>
        IsLeonardo(model)
            ? leonardo.UploadForAsync(VideoModelId.Parse(model).Full, localPath, contentType, cancellationToken)
            : fal.UploadAsync(localPath, contentType, cancellationToken);

    public Task<VideoJobHandle> SubmitAsync(VideoJob job, CancellationToken cancellationToken) =>
        Route(job, out var j).SubmitAsync(j, cancellationToken);

    public Task<VideoJobResult> WaitForResultAsync(VideoJobHandle handle, IProgress<JobProgress>? progress, CancellationToken cancellationToken) =>
        (IsLeonardo(handle.Model) ? leonardo : fal).WaitForResultAsync(handle, progress, cancellationToken);

    public Task<CancelOutcome> CancelAsync(VideoJobHandle handle, CancellationToken cancellationToken) =>
        (IsLeonardo(handle.Model) ? leonardo : fal).CancelAsync(handle, cancellationToken);

    /// <summary>Downloads go through fal's key-less client; a CDN URL needs no provider.</summary>
    public Task<long> DownloadAsync(Uri url, string destinationPath, long maxBytes, CancellationToken cancellationToken) =>
        fal.DownloadAsync(url, destinationPath, maxBytes, cancellationToken);

    public Task<long> DownloadAsync(Uri url, string destinationPath, long maxBytes, long? expectedBytes, CancellationToken cancellationToken) =>
        fal.DownloadAsync(url, destinationPath, maxBytes, expectedBytes, cancellationToken);

    /// <summary>fal's request history for fal jobs; Leonardo keeps none StarSend can match, so its lost creates stay unknown.</summary>
    public Task<SubmitLookup> FindSubmittedAsync(
        VideoJob job, DateTimeOffset sentFrom, DateTimeOffset sentUntil, IReadOnlyCollection<string> known, CancellationToken cancellationToken) =>
        Route(job, out var j).FindSubmittedAsync(j, sentFrom, sentUntil, known, cancellationToken);

    private static bool IsLeonardo(string model) => VideoModelId.Parse(model).Provider == VideoModelId.Leonardo;

    private IVideoProvider Route(VideoJob job, out VideoJob routed)
    {
        var id = VideoModelId.Parse(job.Model);
        if (id.Provider == VideoModelId.Leonardo)
        {
            routed = job with { Model = id.Full };
            return leonardo;
        }

        routed = id.Provider == VideoModelId.Fal ? job with { Model = id.Model } : job;
        return fal;
    }
}
