using Serilog;
using StarSend.Cli.Logging;
using StarSend.Core.Projects;

namespace StarSend.Cli;

/// <summary>One invocation: its run id (on every file and log event), project paths, output mode and logger.</summary>
internal sealed record RunContext
{
    public required string RunId { get; init; }

    public required CliHost Host { get; init; }

    public required ProjectPaths Paths { get; init; }

    public required bool Json { get; init; }

    public required bool Verbose { get; init; }

    public required ILogger Log { get; init; }

    /// <summary>The writer the console log goes through (host stderr); a live progress view diverts it while it draws.</summary>
    public DivertableWriter? ConsoleLog { get; init; }

    public TextWriter Out => Host.Out;

    public TextWriter Error => Host.Error;

    public TimeProvider Time => Host.Time;
}
