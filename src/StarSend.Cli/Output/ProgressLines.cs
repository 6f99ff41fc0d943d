namespace StarSend.Cli.Output;

/// <summary>
/// Progress as plain lines on stderr when it is not a terminal: a line each time a step's phase changes, and the
/// footer each time a job or sequence finishes, so a piped run or a CI log reads top to bottom.
/// </summary>
internal sealed class ProgressLines(TextWriter writer, ProgressBoard board)
{
    private readonly object _gate = new();

    public void Write(ProgressRow row)
    {
        var elapsed = row.IsFinished && row.IsJob ? $" {ProgressFooter.Clock(board.ElapsedOf(row))}" : string.Empty;
        lock (_gate)
        {
            writer.WriteLine($"{row.StepId}: {ProgressText.Phase(row, board)}{elapsed}");
        }
    }

    public void WriteFooter()
    {
        lock (_gate)
        {
            writer.WriteLine($"  [{board.Footer()}]");
        }
    }
}
