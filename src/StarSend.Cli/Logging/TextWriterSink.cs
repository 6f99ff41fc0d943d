using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace StarSend.Cli.Logging;

/// <summary>Human log lines to the host's stderr writer (which tests replace), not to the process console.</summary>
internal sealed class TextWriterSink(TextWriter writer, string template) : ILogEventSink
{
    private readonly MessageTemplateTextFormatter _formatter = new(template);
    private readonly object _gate = new();

    public void Emit(LogEvent logEvent)
    {
        lock (_gate)
        {
            _formatter.Format(logEvent, writer);
            writer.Flush();
        }
    }
}
