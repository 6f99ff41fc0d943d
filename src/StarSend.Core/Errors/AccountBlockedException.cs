namespace StarSend.Core.Errors;

/// <summary>
/// The provider account cannot pay for more work now: locked or out of balance (fal.ai 403 "User is locked"), or a
/// quota that cannot recover by waiting (Gemini per-day quotas, free tiers with <c>limit: 0</c>). Not retried; the
/// client stops calling that provider for the rest of the run. The message says what to do (top up, wait for the
/// reset, enable billing), never "key missing". Exit code 6.
/// </summary>
public sealed class AccountBlockedException(string message, ProviderErrorKind kind, int? httpStatus = null, string? requestId = null, Exception? inner = null)
    : ProviderException(message, kind, httpStatus, requestId, inner)
{
    public override int ExitCode => ExitCodes.AccountBlocked;
}
