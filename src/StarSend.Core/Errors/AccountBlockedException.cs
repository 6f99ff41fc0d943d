namespace StarSend.Core.Errors;

/// <summary>
/// The provider refuses every billable call for the account: fal.ai answers 403 "User is locked. Reason: Exhausted
/// balance" on submit and on storage upload while status GETs still answer (field-log #8; fal-ai/fal#1147, #1163), or a
/// quota cannot recover. Nothing more is sent in this run; the message says to top up. Exit code 6.
/// </summary>
public sealed class AccountBlockedException(string message, int? httpStatus = null, string? requestId = null, Exception? inner = null)
    : ProviderException(message, ProviderErrorKind.AccountBlocked, httpStatus, requestId, inner)
{
    public override int ExitCode => ExitCodes.AccountBlocked;
}
