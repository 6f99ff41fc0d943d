using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace StarSend.Cli.Logging;

/// <summary>
/// CLEF log files (compact JSON lines: <c>@t</c>, <c>@mt</c>, <c>@l</c> when not Information, <c>@x</c>, then the
/// properties; read by Seq and the CLEF tools), one file a day shared by concurrent runs, and human lines to stderr.
/// Every event carries <c>RunId</c>, <c>Command</c> and <c>Project</c> (the project folder: read-only commands share one
/// user log across projects). Events marked <see cref="ReportedProperty"/> were already shown to
/// the producer and go to the file only.
/// </summary>
internal static class RunLogging
{
    public const string ReportedProperty = "Reported";

    /// <summary>The daily file name in a logs folder: <c>starsend-yyyyMMdd.jsonl</c>, local date of the run's start.</summary>
    public static string FileName(DateTimeOffset localNow) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"starsend-{localNow.Year:D4}{localNow.Month:D2}{localNow.Day:D2}.jsonl");

    /// <summary>
    /// The run's logger. The file is named for the day the run started (a run past midnight stays in its first day's
    /// file), not by Serilog's rolling sink: that one compiles a regular expression in every process to list old
    /// files, a cost every <c>status</c> paid at start-up (#12).
    /// </summary>
    public static Logger Create(string runId, string command, string project, string? logsDir, TextWriter stderr, bool verbose, DateTimeOffset localNow)
    {
        var config = new LoggerConfiguration()
            .MinimumLevel.Debug()
            .Enrich.WithProperty("RunId", runId)
            .Enrich.WithProperty("Command", command)
            .Enrich.WithProperty("Project", project)
            .Enrich.FromLogContext()
            .WriteTo.Sink(new TextWriterSink(stderr, "{Level:u3} {Message:lj}{NewLine}"), verbose ? LogEventLevel.Debug : LogEventLevel.Warning);
        if (logsDir is not null && Directory.Exists(logsDir))
        {
            config = config.WriteTo.File(
                new CompactJsonFormatter(),
                Path.Combine(logsDir, FileName(localNow)),
                shared: true);
        }

        return config.CreateLogger();
    }

    /// <summary>Where the full detail of an error went, for the one-line message.</summary>
    public static string LogFileHint(string? logsDir) =>
        logsDir is not null && Directory.Exists(logsDir) ? Path.Combine(logsDir, "starsend-<date>.jsonl") : "the log (run with --verbose to see it)";

    /// <summary>
    /// Where a read-only command (status, validate) logs: never into the project, but the producer's own state folder,
    /// <c>$XDG_STATE_HOME/starsend/logs</c> or <c>~/.local/state/starsend/logs</c>; null (stderr only) when neither is set.
    /// </summary>
    public static string? UserLogsDir(IReadOnlyDictionary<string, string?> environment)
    {
        var state = environment.GetValueOrDefault("XDG_STATE_HOME");
        if (string.IsNullOrWhiteSpace(state))
        {
            var home = environment.GetValueOrDefault("HOME");
            if (string.IsNullOrWhiteSpace(home))
            {
                return null;
            }

            state = Path.Combine(home, ".local", "state");
        }

        return Path.Combine(state, "starsend", "logs");
    }
}
