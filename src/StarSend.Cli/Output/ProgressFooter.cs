namespace StarSend.Cli.Output;

/// <summary>
/// The footer of a batch: sequences and jobs done against their totals, spend so far against the batch's estimate
/// (US dollars), elapsed time, and the time left estimated from the jobs seen to finish (null until one has).
/// </summary>
internal sealed record ProgressFooter(
    int SequencesDone, int SequencesFailed, int SequencesTotal, int JobsDone, int JobsFailed, int JobsTotal,
    decimal SpentUsd, decimal EstimateUsd, TimeSpan Elapsed, TimeSpan? Left)
{
    public override string ToString()
    {
        var failed = SequencesFailed > 0 ? $", {SequencesFailed} failed" : string.Empty;
        var jobsFailed = JobsFailed > 0 ? $", {JobsFailed} failed" : string.Empty;
        var left = Left is { } l ? $"~{Clock(l)} left" : "time left: after the first job";
        var estimate = EstimateUsd > 0 ? $" of ~{TextTable.Money(EstimateUsd)}" : string.Empty;
        return $"sequences {SequencesDone}/{SequencesTotal}{failed} · jobs {JobsDone}/{JobsTotal}{jobsFailed} · " +
            $"spent {TextTable.Money(SpentUsd)}{estimate} · {Clock(Elapsed)} elapsed · {left}";
    }

    public static string Clock(TimeSpan span) =>
        span.TotalHours >= 1 ? $"{(int)span.TotalHours}:{span.Minutes:00}:{span.Seconds:00}" : $"{span.Minutes}:{span.Seconds:00}";
}
