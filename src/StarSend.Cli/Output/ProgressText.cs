using StarSend.Core.Steps;

namespace StarSend.Cli.Output;

/// <summary>How a progress row reads, the same on a terminal, in plain lines and in the log.</summary>
internal static class ProgressText
{
    public const int ReasonLength = 70;

    public static string Phase(ProgressRow row, ProgressBoard board) => row.Kind switch
    {
        StepPhase.Queued when row.QueuePosition is { } position => $"queued (position {position})",
        StepPhase.Queued => row.Text is "in queue" or "" ? "queued" : $"queued ({row.Text})",
        StepPhase.Running => row.Text is "running" or "" ? "running" : $"running ({row.Text})",
        StepPhase.Downloading => "downloading",
        StepPhase.Verifying => "verifying",
        StepPhase.Waiting => $"waiting {board.WaitSecondsLeft(row)}s ({row.Text})",
        StepPhase.Done => row.CostUsd > 0 ? $"done ({row.Text}, {TextTable.Money(row.CostUsd)})" : $"done ({row.Text})",
        StepPhase.Failed => $"failed: {row.Text}",
        StepPhase.Skipped => $"skipped: {row.Text}",
        _ => row.Text,
    };

    /// <summary>A failure or skip reason cut to one short line, without the leading sequence or step id (<c>SEQ04_shot01: </c>).</summary>
    public static string Short(string message, string sequenceId)
    {
        var text = message.ReplaceLineEndings(" ").Trim();
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && text.StartsWith(sequenceId, StringComparison.Ordinal) && !text[..colon].Contains(' ', StringComparison.Ordinal))
        {
            text = text[(colon + 1)..].TrimStart();
        }

        return text.Length <= ReasonLength ? text : text[..(ReasonLength - 1)] + "…";
    }
}
