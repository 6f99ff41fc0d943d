namespace StarSend.Core.Errors;

/// <summary>A submission would take the project past its budget; nothing was paid. Exit code 5.</summary>
public sealed class BudgetExceededException(string message) : StarSendException(message)
{
    public override int ExitCode => ExitCodes.BudgetExceeded;
}
