namespace StarSend.Infrastructure.Http;

/// <summary>Bounded, jittered exponential back-off for calls that are safe to repeat.</summary>
public sealed record RetrySettings
{
    /// <summary>Retries after the first attempt.</summary>
    public int MaxRetries { get; init; } = 5;

    /// <summary>Median delay before the first retry; later ones double (with jitter).</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest server-asked wait (Retry-After, retryDelay) honoured; a longer one fails at once.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(2);
}
