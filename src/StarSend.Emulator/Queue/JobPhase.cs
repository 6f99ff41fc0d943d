namespace StarSend.Emulator.Queue;

internal enum JobPhase
{
    InQueue,
    InProgress,
    Completed,
}

internal enum JobOutcome
{
    Pending,
    Succeeded,
    Failed,
    Cancelled,
    TimedOut,
}

/// <summary>A job as seen at one instant.</summary>
internal sealed record JobSnapshot(JobPhase Phase, JobOutcome Outcome, int QueuePosition, DateTimeOffset? CompletedAt);
