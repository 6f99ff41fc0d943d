using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace StarSend.Infrastructure.Tests.Providers;

/// <summary>A real Serilog logger whose events (rendered message, properties and exception text) are kept in memory.</summary>
internal sealed class LogCapture : ILogEventSink
{
    private readonly List<string> _lines = [];

    public LogCapture()
    {
        Logger = new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(this).CreateLogger();
    }

    public ILogger Logger { get; }

    public string Text
    {
        get
        {
            lock (_lines)
            {
                return string.Join('\n', _lines);
            }
        }
    }

    public void Emit(LogEvent logEvent)
    {
        var properties = string.Join(' ', logEvent.Properties.Select(p => $"{p.Key}={p.Value}"));
        lock (_lines)
        {
            _lines.Add($"{logEvent.Level} {logEvent.RenderMessage()} {properties} {logEvent.Exception}");
        }
    }
}
