using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace StarSend.Cli.Logging;

/// <summary>
/// Human log lines to the host's stderr writer (which tests replace), not to the process console. Events marked
/// <see cref="RunLogging.ReportedProperty"/> were already shown to the producer and are skipped. The output template is
/// parsed on the first line written: most runs write none (warnings and errors only, unless <c>--verbose</c>), and
/// <c>status</c> should not pay for it at start-up (#12).
/// </summary>
internal sealed class TextWriterSink(TextWriter writer, string template) : ILogEventSink
{
    private readonly object _gate = new();
    private MessageTemplateTextFormatter? _formatter;

    public void Emit(LogEvent logEvent)
    {
        if (logEvent.Properties.ContainsKey(RunLogging.ReportedProperty))
        {
            return;
        }

        lock (_gate)
        {
            _formatter ??= new MessageTemplateTextFormatter(template);
            _formatter.Format(logEvent, writer);
            writer.Flush();
        }
    }
}
