namespace StarSend.Core.Errors;

/// <summary>
/// The provider account cannot pay for more work now: locked or out of balance (fal.ai 403 "User is locked. Reason:
/// Exhausted balance" on submit and on storage upload while status GETs still answer; field-log #8, fal-ai/fal#1147,
/// #1163), or a quota that cannot recover by waiting (Gemini per-day quotas, free tiers with <c>limit: 0</c>; field-log
/// #12). Not retried; nothing more is sent to that provider in this run. The message says what to do (top up, wait for
/// the reset, enable billing), never "key missing". Exit code 6.
/// </summary>
public sealed class AccountBlockedException(string message, ProviderErrorKind kind, int? httpStatus = null, string? requestId = null, Exception? inner = null)
    : ProviderException(message, kind, httpStatus, requestId, inner)
{
    /// <summary>A blocked account with kind <see cref="ProviderErrorKind.AccountBlocked"/>.</summary>
    public AccountBlockedException(string message, int? httpStatus = null, string? requestId = null, Exception? inner = null)
        : this(message, ProviderErrorKind.AccountBlocked, httpStatus, requestId, inner)
    {
    }

    public override int ExitCode => ExitCodes.AccountBlocked;
}
