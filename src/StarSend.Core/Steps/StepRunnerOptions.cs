namespace StarSend.Core.Steps;

public sealed record StepRunnerOptions
{
    public required string VideoModel { get; init; }

    public required string AspectRatio { get; init; }

    /// <summary>Project budget in US dollars; a submission that would pass it is refused before anything is paid.</summary>
    public decimal? BudgetUsd { get; init; }

    /// <summary>Resubmit executions whose submit may have been billed but returned no request id.</summary>
    public bool AllowResubmit { get; init; }

    /// <summary>Remote jobs in flight at once, across every sequence of the run.</summary>
    public int JobConcurrency { get; init; } = 2;

    public long MaxVideoBytes { get; init; } = 1L << 30;

    /// <summary>How long an uploaded file is reused before it is uploaded again (fal keeps inputs for days).</summary>
    public TimeSpan UploadReuse { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Largest gap between the asked and the delivered video duration.</summary>
    public double DurationTolerance { get; init; } = 0.1;

    /// <summary>
    /// The producer said <c>--again</c>: a step whose paid result was lost (<c>paid_result_lost</c>) may be paid for anew.
    /// Without it such a step is refused with a message, never resubmitted silently.
    /// </summary>
    public bool PayAgainForLost { get; init; }

    /// <summary>Submits per intent when the provider proves it did not accept one (429, or a lost answer the history shows never arrived).</summary>
    public int SubmitAttempts { get; init; } = 4;

    /// <summary>The longest wait before submitting again; a provider asking for longer fails the step at once.</summary>
    public TimeSpan MaxSubmitWait { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How long after a lost submit answer to look in the provider's request history, so that the job can show up there.</summary>
    public TimeSpan LookupDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Downloads of a finished job's video per run before the run gives up (the job stays paid and recorded).</summary>
    public int DownloadAttempts { get; init; } = 3;
}
