using StarSend.Core.Errors;

namespace StarSend.Export.RoughCut;

/// <summary>A tool from the system's packages that the command needs (ffmpeg) is not installed: exit code 1, with the install line.</summary>
public sealed class MissingToolException(string message) : StarSendException(message)
{
    public override int ExitCode => ExitCodes.Unexpected;
}
