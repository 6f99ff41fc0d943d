using Serilog;
using StarSend.Core.Steps;
using StarSend.Core.Workflow;

namespace StarSend.Cli.Output;

/// <summary>
/// Feeds Core's progress events and the sequences' outcomes to the <see cref="ProgressBoard"/>, and writes every change
/// to the log (so <c>tail -f</c> follows a piped run) and, when not on a terminal, as plain lines.
/// </summary>
internal sealed class BoardReporter(ProgressBoard board, ILogger log, ProgressLines? lines) : IProgress<StepProgress>
{
    private readonly HashSet<string> _finished = new(StringComparer.Ordinal);
    public void Report(StepProgress value)
    {
        if (board.Apply(value) is { } row)
        {
            Changed(row);
        }
    }

    public void Finish(SequenceOutcome outcome)
    {
        foreach (var row in board.Finish(outcome))
        {
            Changed(row);
        }

        LogFooter();
    }

    private void Changed(ProgressRow row)
    {
        log.ForContext("SequenceId", row.SequenceId)
            .ForContext("Phase", row.Kind)
            .ForContext("CostUsd", row.CostUsd)
            .ForContext("QueuePosition", row.QueuePosition)
            .Information("{StepId}: {Progress}", row.StepId, ProgressText.Phase(row, board));
        lines?.Write(row);
        // A shot of an individual take finishes before its sequence; a sequence's own row is followed by Finish's footer.
        bool first;
        lock (_finished)
        {
            first = row.IsFinished && _finished.Add(row.StepId);
        }

        if (first && row.IsJob && row.StepId != row.SequenceId)
        {
            lines?.WriteFooter();
        }
    }

    private void LogFooter()
    {
        var footer = board.Footer();
        log.Information(
            "Batch: {SequencesDone}/{SequencesTotal} sequences, {JobsDone}/{JobsTotal} jobs, {SpentUsd} of {EstimateUsd} USD, {Elapsed} elapsed, {Left} left",
            footer.SequencesDone, footer.SequencesTotal, footer.JobsDone, footer.JobsTotal, footer.SpentUsd, footer.EstimateUsd,
            ProgressFooter.Clock(footer.Elapsed), footer.Left is { } left ? ProgressFooter.Clock(left) : "unknown");
        lines?.WriteFooter();
    }
}
