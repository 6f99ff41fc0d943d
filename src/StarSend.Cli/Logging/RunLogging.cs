using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Json;

namespace StarSend.Cli.Logging;

/// <summary>
/// JSON lines to the project's logs/ folder (one file a day, shared by concurrent runs), human lines to stderr.
/// Events marked <see cref="ReportedProperty"/> were already shown to the producer and go to the file only.
/// </summary>
internal static class RunLogging
{
    public const string ReportedProperty = "Reported";

    public static Logger Create(string runId, string command, string logsDir, TextWriter stderr, bool verbose)
    {
        var config = new LoggerConfiguration()
            .MinimumLevel.Debug()
            .Enrich.WithProperty("RunId", runId)
            .Enrich.WithProperty("Command", command)
            .Enrich.FromLogContext()
            .WriteTo.Logger(console => console
                .Filter.ByExcluding(e => e.Properties.ContainsKey(ReportedProperty))
                .WriteTo.Sink(
                    new TextWriterSink(stderr, "{Level:u3} {Message:lj}{NewLine}"),
                    verbose ? LogEventLevel.Debug : LogEventLevel.Warning));
        if (Directory.Exists(logsDir))
        {
            config = config.WriteTo.File(
                new JsonFormatter(renderMessage: true),
                Path.Combine(logsDir, "starsend-.jsonl"),
                rollingInterval: RollingInterval.Day,
                shared: true);
        }

        return config.CreateLogger();
    }

    /// <summary>Where the full detail of an error went, for the one-line message.</summary>
    public static string LogFileHint(string logsDir) =>
        Directory.Exists(logsDir) ? Path.Combine(logsDir, "starsend-<date>.jsonl") : "the log (run with --verbose to see it)";
}
