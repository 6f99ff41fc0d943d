namespace StarSend.Core.Errors;

/// <summary>A state file is unreadable, of a newer schema than this build knows, or locked too long by another process.</summary>
public sealed class StateFileException(string message, Exception? inner = null) : StarSendException(message, inner)
{
    public override int ExitCode => ExitCodes.Unexpected;
}
