using StarSend.Core.Errors;

namespace StarSend.Export.RoughCut;

/// <summary>ffmpeg ran but did not produce the rough cut: exit code 1; the full ffmpeg output is in the inner exception (logged).</summary>
public sealed class RoughCutFailedException(string message, Exception inner) : StarSendException(message, inner)
{
    public override int ExitCode => ExitCodes.Unexpected;
}
