using System.Collections.Concurrent;
using StarSend.Core.Steps;

namespace StarSend.Cli.Output;

/// <summary>
/// Progress of running steps as plain lines on stderr: one line when a step changes phase or queue position, so
/// scripts and logs stay readable. Silent with --json.
/// </summary>
internal sealed class ProgressLines(TextWriter writer, bool quiet) : IProgress<StepProgress>
{
    private readonly ConcurrentDictionary<string, string> _last = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    public void Report(StepProgress value)
    {
        if (quiet)
        {
            return;
        }

        var line = value.QueuePosition is { } position ? $"{value.Phase} (position {position})" : value.Phase;
        if (_last.TryGetValue(value.StepId, out var previous) && previous == line)
        {
            return;
        }

        _last[value.StepId] = line;
        lock (_gate)
        {
            writer.WriteLine($"{value.StepId}: {line}{(value.Elapsed > TimeSpan.Zero ? $" {value.Elapsed:m\\:ss}" : string.Empty)}");
        }
    }
}
