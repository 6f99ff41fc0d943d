namespace StarSend.Core.Errors;

/// <summary>
/// A remote provider (fal.ai, Gemini) failed for good: after retries, or at once for a permanent error.
/// The message is the provider's own, never containing a key. Exit code 4.
/// </summary>
public class ProviderException(string message, ProviderErrorKind kind, int? httpStatus = null, string? requestId = null, Exception? inner = null)
    : StarSendException(message, inner)
{
    public ProviderErrorKind Kind { get; } = kind;

    public int? HttpStatus { get; } = httpStatus;

    /// <summary>The provider's request id, when one was assigned.</summary>
    public string? RequestId { get; } = requestId;

    public override int ExitCode => ExitCodes.ProviderFailed;

    /// <summary>How long the provider asked to wait (<c>Retry-After</c>) before asking again, when it said so.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>The items of a validation answer (fal's 422 <c>detail</c> list), in the provider's order; empty otherwise.</summary>
    public IReadOnlyList<ProviderFieldError> FieldErrors { get; init; } = [];

    /// <summary>The step whose call failed (e.g. <c>SEQ08_shot03</c>), when the StepRunner knows it.</summary>
    public string? StepId { get; init; }

    /// <summary>
    /// True when a paid job is still recorded as in flight (its result could not be read or downloaded yet): the
    /// sequence stays where it is and the next run collects the job at no extra cost.
    /// </summary>
    public bool PaidJobKept { get; init; }
}

public enum ProviderErrorKind
{
    /// <summary>Anything not classified below.</summary>
    Other,

    /// <summary>422 or 400: the input was rejected; <c>detail</c> carries field locations.</summary>
    Validation,

    /// <summary>content_policy_violation, IMAGE_SAFETY, blockReason and similar.</summary>
    ContentPolicy,

    /// <summary>401/403: key missing or wrong.</summary>
    Unauthorized,

    /// <summary>Retryable faults that outlasted the retry budget (429, 5xx, timeouts).</summary>
    Transient,

    /// <summary>504 with X-Fal-Request-Timeout-Type: user; final.</summary>
    UserTimeout,

    /// <summary>The request id is past the provider's retention window (404/410).</summary>
    Expired,

    /// <summary>The submit may or may not have been accepted (transport failure after sending). Never resubmit blindly.</summary>
    SubmissionUnknown,

    /// <summary>A 200 answer with no image (NO_IMAGE, text only).</summary>
    NoImage,

    /// <summary>A quota that cannot recover by waiting (per day, or limit 0); not retried, thrown as <see cref="AccountBlockedException"/>.</summary>
    QuotaExhausted,

    /// <summary>The model id is not (or no longer) served.</summary>
    ModelNotFound,

    /// <summary>The job completed with an error status.</summary>
    JobFailed,

    /// <summary>A downloaded file failed its checks (size, truncation, PNG/MP4 structure, duration).</summary>
    BadOutput,

    /// <summary>The account cannot pay (locked, out of balance, dead quota): see <see cref="AccountBlockedException"/>.</summary>
    AccountBlocked,

    /// <summary>
    /// The provider answered in a way that proves the job was not accepted (fal: 429 on submit, providers.md §1.7–1.8):
    /// nothing is in flight and nothing was paid; it may be asked again after <see cref="ProviderException.RetryAfter"/>.
    /// </summary>
    NotAccepted,
}
