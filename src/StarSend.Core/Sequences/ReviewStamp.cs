namespace StarSend.Core.Sequences;

/// <summary>Who decided, when, in which run and (for an imported file) from where: what every history entry carries.</summary>
/// <param name="Who">The OS user name of the producer running StarSend (<see cref="Environment.UserName"/>).</param>
/// <param name="At">When the decision was recorded.</param>
/// <param name="RunId">The run id of the command.</param>
/// <param name="Source">For imported decisions: the file name and the reviewer it names.</param>
public sealed record ReviewStamp(string Who, DateTimeOffset At, string RunId, string? Source = null)
{
    /// <summary>The producer running this process, as the OS knows them.</summary>
    public static string CurrentUser => string.IsNullOrWhiteSpace(Environment.UserName) ? "unknown" : Environment.UserName;
}
