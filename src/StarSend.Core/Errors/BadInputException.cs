namespace StarSend.Core.Errors;

/// <summary>Usage errors, unknown sequences, bad cells, unreadable inputs: exit code 2.</summary>
public sealed class BadInputException(string message, Exception? inner = null) : StarSendException(message, inner)
{
    public override int ExitCode => ExitCodes.BadInput;
}
