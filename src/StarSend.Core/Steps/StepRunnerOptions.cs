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
}
