using System.Diagnostics.CodeAnalysis;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace StarSend.Cli.Logging;

/// <summary>
/// A read-only command's log (<c>status</c>, <c>validate</c>, <c>costs</c>, <c>prices</c>, <c>doctor</c>): the Serilog
/// pipeline (<see cref="RunLogging.Create"/>) is built by the first event that will be written, Information and up, or
/// by <c>ForContext</c>. Debug events before that are dropped, so a run with nothing to report builds no logger and
/// writes no file. Producers and their scripts run <c>status</c> constantly: its two start and finish lines filled the
/// user log, and building the pipeline was about 8 ms of its start-up (#12). Warnings and errors are logged in full, as
/// before. With <c>--verbose</c> the command gets the eager logger instead (debug lines on stderr).
/// </summary>
internal sealed class DeferredLogger(Func<Logger> create) : ILogger, IDisposable
{
    private readonly Lock _gate = new();
    private Logger? _logger;
    private bool _disposed;

    /// <summary>The pipeline, built on first use; after <see cref="Dispose"/> an event goes nowhere.</summary>
    private ILogger Logger
    {
        get
        {
            lock (_gate)
            {
                return _disposed ? Serilog.Core.Logger.None : _logger ??= create();
            }
        }
    }

    public bool IsEnabled(LogEventLevel level) => Volatile.Read(ref _logger) is { } logger ? logger.IsEnabled(level) : !_disposed && level >= LogEventLevel.Information;

    public void Write(LogEvent logEvent)
    {
        if (IsEnabled(logEvent.Level))
        {
            Logger.Write(logEvent);
        }
    }

    public void Write(LogEventLevel level, Exception? exception, string messageTemplate, params object?[]? propertyValues)
    {
        if (IsEnabled(level))
        {
            Logger.Write(level, exception, messageTemplate, propertyValues);
        }
    }

    public bool BindMessageTemplate(string messageTemplate, object?[]? propertyValues, [NotNullWhen(true)] out MessageTemplate? parsedTemplate, [NotNullWhen(true)] out IEnumerable<LogEventProperty>? boundProperties) =>
        Logger.BindMessageTemplate(messageTemplate, propertyValues, out parsedTemplate, out boundProperties);

    public bool BindProperty(string? propertyName, object? value, bool destructureObjects, [NotNullWhen(true)] out LogEventProperty? property) =>
        Logger.BindProperty(propertyName, value, destructureObjects, out property);

    public ILogger ForContext(ILogEventEnricher enricher) => Logger.ForContext(enricher);

    public ILogger ForContext(IEnumerable<ILogEventEnricher> enrichers) => Logger.ForContext(enrichers);

    public ILogger ForContext(string propertyName, object? value, bool destructureObjects = false) => Logger.ForContext(propertyName, value, destructureObjects);

    public ILogger ForContext(Type source) => Logger.ForContext(source);

    public ILogger ForContext<TSource>() => Logger.ForContext<TSource>();

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _logger?.Dispose();
        }
    }
}
