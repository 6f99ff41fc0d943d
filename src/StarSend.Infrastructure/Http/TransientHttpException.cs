namespace StarSend.Infrastructure.Http;

/// <summary>
/// A failure worth trying again (429, 5xx, a timeout, a malformed answer). Only thrown inside a retry loop;
/// <see cref="RetryRunner"/> turns it into a <c>ProviderException</c> once the retries are spent.
/// </summary>
internal sealed class TransientHttpException(string message, int? status = null, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    public int? Status { get; } = status;

    /// <summary>How long the server asked to wait, when it said so.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>The request got no answer in time; for a submit this means "maybe accepted".</summary>
    public bool TimedOut { get; init; }
}
