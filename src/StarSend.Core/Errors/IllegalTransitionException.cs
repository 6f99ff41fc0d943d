namespace StarSend.Core.Errors;

/// <summary>A command is not legal in the sequence's current state. Exit code 3.</summary>
public sealed class IllegalTransitionException(string message) : StarSendException(message)
{
    public override int ExitCode => ExitCodes.IllegalState;
}
