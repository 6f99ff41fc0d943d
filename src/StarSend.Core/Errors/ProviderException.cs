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

    /// <summary>A per-day quota is exhausted; not retried.</summary>
    QuotaExhausted,

    /// <summary>The model id is not (or no longer) served.</summary>
    ModelNotFound,

    /// <summary>The job completed with an error status.</summary>
    JobFailed,

    /// <summary>A downloaded file failed its checks (size, truncation, PNG/MP4 structure, duration).</summary>
    BadOutput,
}
