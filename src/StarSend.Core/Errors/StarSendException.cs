namespace StarSend.Core.Errors;

/// <summary>
/// Root of every error StarSend expects and explains to the producer. The message is one line, written for
/// producers; <see cref="ExitCode"/> is what the command line returns.
/// </summary>
public abstract class StarSendException : Exception
{
    protected StarSendException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }

    public abstract int ExitCode { get; }
}
