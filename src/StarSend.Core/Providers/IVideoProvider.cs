namespace StarSend.Core.Providers;

/// <summary>
/// A video provider (Kling on fal.ai's queue, Leonardo; a router picks one by the job's model id). The submit is the one call that can pay twice: callers persist an intent before
/// <see cref="SubmitAsync"/>, persist the returned handle before <see cref="WaitForResultAsync"/>, and treat
/// <c>ProviderErrorKind.SubmissionUnknown</c> as "maybe paid", never resubmitting on their own.
/// </summary>
public interface IVideoProvider
{
    /// <summary>Checks a job against the model's rules without sending anything; throws <c>BadInputException</c>.</summary>
    void Validate(VideoJob job);

    /// <summary>Price of the job before it is sent, in US dollars.</summary>
    decimal EstimateCostUsd(VideoJob job);

    /// <summary>Uploads a local file to the provider's storage and returns the URL to send.</summary>
    Task<string> UploadAsync(string localPath, string contentType, CancellationToken cancellationToken);

    /// <summary>
    /// Uploads a local file for a job on <paramref name="model"/> and returns what that job sends: a URL on fal, an
    /// init-image id on Leonardo (<c>POST /init-image</c> then the presigned POST). A single-provider client ignores the model.
    /// </summary>
    Task<string> UploadForAsync(string model, string localPath, string contentType, CancellationToken cancellationToken) =>
        UploadAsync(localPath, contentType, cancellationToken);

    Task<VideoJobHandle> SubmitAsync(VideoJob job, CancellationToken cancellationToken);

    /// <summary>Polls (adaptively) until the job completes, then fetches its result.</summary>
    Task<VideoJobResult> WaitForResultAsync(VideoJobHandle handle, IProgress<JobProgress>? progress, CancellationToken cancellationToken);

    Task<CancelOutcome> CancelAsync(VideoJobHandle handle, CancellationToken cancellationToken);

    /// <summary>Streams a result file to <paramref name="destinationPath"/> (via a temp file) and returns its size in bytes.</summary>
    Task<long> DownloadAsync(Uri url, string destinationPath, long maxBytes, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="DownloadAsync(Uri, string, long, CancellationToken)"/>, knowing the length the result announced:
    /// a body that ends short of it is resumed with <c>Range</c>, a longer one is refused (<c>BadOutput</c>).
    /// </summary>
    Task<long> DownloadAsync(Uri url, string destinationPath, long maxBytes, long? expectedBytes, CancellationToken cancellationToken) =>
        DownloadAsync(url, destinationPath, maxBytes, cancellationToken);

    /// <summary>
    /// Looks for a job that this submit may have created although its answer was lost: the provider's own request
    /// history (fal's Platform API, <c>GET /v1/models/requests/by-endpoint</c>) for <paramref name="job"/>'s endpoint
    /// between <paramref name="sentFrom"/> and <paramref name="sentUntil"/>, matched on the stored input, leaving out the request ids
    /// in <paramref name="known"/>. A provider without such a history answers <see cref="SubmitLookupOutcome.Ambiguous"/>.
    /// </summary>
    Task<SubmitLookup> FindSubmittedAsync(VideoJob job, DateTimeOffset sentFrom, DateTimeOffset sentUntil, IReadOnlyCollection<string> known, CancellationToken cancellationToken) =>
        Task.FromResult(new SubmitLookup(SubmitLookupOutcome.Ambiguous, null, "this provider keeps no request history to look in"));
}

/// <summary>What a lost submit's lookup found.</summary>
public enum SubmitLookupOutcome
{
    /// <summary>Exactly one unknown request of this endpoint, in the window, with this input: the job that was paid for.</summary>
    Found,

    /// <summary>The history answered and holds no request of this endpoint in the window: nothing was accepted.</summary>
    NoneAccepted,

    /// <summary>The history could not be read, or does not tell (inputs not stored, several candidates).</summary>
    Ambiguous,
}

/// <summary>A lookup's outcome, the adopted job's handle when found, and why, in one line.</summary>
public sealed record SubmitLookup(SubmitLookupOutcome Outcome, VideoJobHandle? Handle, string Reason);

/// <summary>A provider-neutral video request. One shot is sent as <c>prompt</c>, several as <c>multi_prompt</c>.</summary>
public sealed record VideoJob
{
    public required string Model { get; init; }

    public string? StartImageUrl { get; init; }

    public IReadOnlyList<VideoElement> Elements { get; init; } = [];

    public required IReadOnlyList<ShotPrompt> Shots { get; init; }

    public string AspectRatio { get; init; } = "16:9";

    public bool GenerateAudio { get; init; }

    /// <summary>What the video must not show (<c>negative_prompt</c>); null leaves it out. Set only for models that take one (providers-2.md §4).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? NegativePrompt { get; init; }

    public int TotalDurationS => Shots.Sum(s => s.DurationS);
}

public sealed record VideoElement(string FrontalImageUrl, IReadOnlyList<string> ReferenceImageUrls);

/// <summary>One shot's prompt and whole-second duration (sent as a string).</summary>
public sealed record ShotPrompt(string Prompt, int DurationS);

/// <summary>What the submit returned; the URLs are followed as given, never rebuilt.</summary>
public sealed record VideoJobHandle(string RequestId, string Model, string StatusUrl, string ResponseUrl, string CancelUrl)
{
    /// <summary>Seconds of video asked for; prices the job when the provider sends no billed units. Null when unknown.</summary>
    public int? DurationS { get; init; }

    /// <summary>What the provider said the job costs in its create answer (Leonardo's <c>cost</c>), when it said so.</summary>
    public VideoModels.ReportedCost? ReportedCost { get; init; }
}

public sealed record VideoJobResult
{
    public required Uri VideoUrl { get; init; }

    public string? ContentType { get; init; }

    public long? FileSize { get; init; }

    /// <summary>Billed units from <c>x-fal-billable-units</c> when the provider sent it.</summary>
    public decimal? BillableUnits { get; init; }

    public required decimal CostUsd { get; init; }
}

public enum JobPhase
{
    InQueue,
    InProgress,
    Completed,
}

public sealed record JobProgress(JobPhase Phase, int? QueuePosition, IReadOnlyList<string> Logs, TimeSpan Elapsed);

public enum CancelOutcome
{
    CancellationRequested,
    AlreadyCompleted,
    NotFound,
}
