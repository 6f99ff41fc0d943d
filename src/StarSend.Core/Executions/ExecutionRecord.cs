using System.Text.Json.Serialization;

namespace StarSend.Core.Executions;

[JsonConverter(typeof(JsonStringEnumConverter<ExecutionKind>))]
public enum ExecutionKind
{
    [JsonStringEnumMemberName("keyframe")]
    Keyframe,

    [JsonStringEnumMemberName("video")]
    Video,

    /// <summary>A text or vision model call answered with JSON against a schema (start-frame analysis).</summary>
    [JsonStringEnumMemberName("structured")]
    Structured,
}

/// <summary>Where a paid call stands. Stored with its kind as e.g. <c>video_submitted</c> in <see cref="ExecutionRecord.Phase"/>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ExecutionStatus>))]
public enum ExecutionStatus
{
    /// <summary>Recorded before the paid call is sent; no request id yet.</summary>
    [JsonStringEnumMemberName("intent")]
    Intent,

    /// <summary>The provider accepted it and its request id is known: poll it, never resubmit.</summary>
    [JsonStringEnumMemberName("submitted")]
    Submitted,

    [JsonStringEnumMemberName("complete")]
    Complete,

    [JsonStringEnumMemberName("failed")]
    Failed,

    /// <summary>The submit may have been accepted but no request id came back; needs an explicit --resubmit.</summary>
    [JsonStringEnumMemberName("submission_unknown")]
    SubmissionUnknown,

    /// <summary>The provider no longer keeps the result (past its retention window).</summary>
    [JsonStringEnumMemberName("expired")]
    Expired,

    [JsonStringEnumMemberName("cancelled")]
    Cancelled,

    /// <summary>
    /// Paid, finished, and its result is gone: the provider no longer serves it (404/410 past its retention, fal keeps
    /// results 1 h and media at least 7 days, providers.md §1.5). Never resubmitted silently: only with --again.
    /// </summary>
    [JsonStringEnumMemberName("paid_result_lost")]
    PaidResultLost,

    /// <summary>
    /// The job ran to COMPLETED and its result answer was an error (fal's 422 on the result GET): no output, but fal
    /// "may still charge" a 422 when a runner spent GPU time (providers.md §1.8), so its estimate stays counted.
    /// </summary>
    [JsonStringEnumMemberName("may_be_charged")]
    MayBeCharged,
}

/// <summary>One paid provider call as the StepRunner saw it (state/executions.json).</summary>
public sealed record ExecutionRecord
{
    /// <summary>Unique key: <see cref="StepId"/> plus the attempt, e.g. <c>SEQ08_shot03#2</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The step: <c>SEQ01_grid</c>, <c>SEQ08</c> (multi-shot batch), <c>SEQ08_shot03</c> (one shot).</summary>
    public required string StepId { get; init; }

    public required int Attempt { get; init; }

    public required ExecutionKind Kind { get; init; }

    public required ExecutionStatus Status { get; init; }

    public string Phase => $"{(Kind switch { ExecutionKind.Video => "video", ExecutionKind.Structured => "structured", _ => "keyframe" })}_{Status switch
    {
        ExecutionStatus.SubmissionUnknown => "submission_unknown",
        ExecutionStatus.PaidResultLost => "paid_result_lost",
        ExecutionStatus.MayBeCharged => "may_be_charged",
        _ => Status.ToString().ToLowerInvariant(),
    }}";

    /// <summary>The invocation that made the call.</summary>
    public required string RunId { get; init; }

    /// <summary>The run id the call's outputs are filed under (a sequence's pass, issue #14); null when the caller set none.</summary>
    public string? PassRunId { get; init; }

    /// <summary>SHA-256 of the canonical request payload, so a resume can tell it is the same call.</summary>
    public required string Fingerprint { get; init; }

    public required string Model { get; init; }

    /// <summary>The provider request as sent (URLs and prompts; never a key).</summary>
    public string? Request { get; init; }

    public string? RequestId { get; init; }

    public string? StatusUrl { get; init; }

    public string? ResponseUrl { get; init; }

    public string? CancelUrl { get; init; }

    /// <summary>The result's media URL, kept so a crash after completion can still download it.</summary>
    public string? ResultUrl { get; init; }

    /// <summary>Bytes the result says its media file has (fal's <c>video.file_size</c>); a download of another length is retried.</summary>
    public long? ResultBytes { get; init; }

    public List<OutputFile> Outputs { get; init => field = value ?? field; } = [];

    /// <summary>US dollars charged for this call (estimated before, actual after).</summary>
    public decimal CostUsd { get; init; }

    /// <summary>What the provider itself reported the call costs (Leonardo's create answer <c>cost</c>), beside <see cref="CostUsd"/>.</summary>
    public Providers.VideoModels.ReportedCost? ReportedCost { get; init; }

    /// <summary>
    /// <see cref="ReportedCost"/> in US dollars when the provider reported dollars: the <c>provider_cost_usd</c> of the
    /// file, and the provider-reported figure of <c>starsend costs</c>. Written for readers of the file, never read back.
    /// </summary>
    public decimal? ProviderCostUsd => ReportedCost?.Usd;

    /// <summary>
    /// The best figure of what this call cost, in US dollars: the provider's own dollar charge when it reported one,
    /// else <see cref="CostUsd"/>; zero when the call ended unbilled (its cost set to zero). Takes, the per-sequence
    /// ledger, the budget and <c>starsend costs</c> all count this figure.
    /// </summary>
    [JsonIgnore]
    public decimal ChargedUsd => CostUsd == 0 ? 0 : ProviderCostUsd ?? CostUsd;

    public string? Error { get; init; }

    /// <summary>
    /// The models of the fallback chain passed over before this attempt's model, with why (issue #10); written with the
    /// intent, so a resumed job still tells. Null (omitted) when this attempt is on the first model.
    /// </summary>
    public List<Providers.ModelSkip>? SkippedModels { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? SubmittedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }
}

/// <summary>A file an execution produced, with the checks it passed.</summary>
public sealed record OutputFile(string Path, long Bytes, string Sha256, string Check);
