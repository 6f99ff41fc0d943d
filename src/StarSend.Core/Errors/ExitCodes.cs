namespace StarSend.Core.Errors;

/// <summary>The process exit codes documented in the README.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Unexpected = 1;
    public const int BadInput = 2;
    public const int IllegalState = 3;
    public const int ProviderFailed = 4;
    public const int BudgetExceeded = 5;

    /// <summary>
    /// The provider account cannot pay: locked or out of balance (fal.ai 403 "User is locked"), or a quota that
    /// cannot recover. The batch stops at the first refusal; top up, then run the same command again.
    /// </summary>
    public const int AccountBlocked = 6;
    public const int Interrupted = 130;
}
