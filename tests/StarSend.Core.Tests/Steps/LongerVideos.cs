using StarSend.Core.Providers;

namespace StarSend.Core.Tests.Steps;

/// <summary>The real provider, except that every job is submitted <paramref name="extraSeconds"/> longer than asked: a model that misbehaves.</summary>
internal sealed class LongerVideos(IVideoProvider inner, int extraSeconds) : IVideoProvider
{
    public void Validate(VideoJob job) => inner.Validate(job);

    public decimal EstimateCostUsd(VideoJob job) => inner.EstimateCostUsd(job);

    public Task<string> UploadAsync(string localPath, string contentType, CancellationToken cancellationToken) =>
        inner.UploadAsync(localPath, contentType, cancellationToken);

    public Task<VideoJobHandle> SubmitAsync(VideoJob job, CancellationToken cancellationToken) =>
        inner.SubmitAsync(job with { Shots = [.. job.Shots.Select(s => s with { DurationS = s.DurationS + extraSeconds })] }, cancellationToken);

    public Task<VideoJobResult> WaitForResultAsync(VideoJobHandle handle, IProgress<JobProgress>? progress, CancellationToken cancellationToken) =>
        inner.WaitForResultAsync(handle, progress, cancellationToken);

    public Task<CancelOutcome> CancelAsync(VideoJobHandle handle, CancellationToken cancellationToken) => inner.CancelAsync(handle, cancellationToken);

    public Task<long> DownloadAsync(Uri url, string destinationPath, long maxBytes, CancellationToken cancellationToken) =>
        inner.DownloadAsync(url, destinationPath, maxBytes, cancellationToken);
}
