namespace StarSend.Core.Steps;

/// <summary>The phase of a step (one paid call, or a sequence's whole grid or take) that a progress view shows.</summary>
public enum StepPhase
{
    /// <summary>Waiting for a job slot here, or in the provider's queue (<see cref="StepProgress.QueuePosition"/> when known).</summary>
    Queued,

    /// <summary>The provider is working on it (or an image call is in flight).</summary>
    Running,

    /// <summary>The result is paid for and its file is being fetched.</summary>
    Downloading,

    /// <summary>The downloaded file is being checked (MP4 boxes, duration) before anything records it.</summary>
    Verifying,

    /// <summary>Held back before trying again: a rate limit or back-off; <see cref="StepProgress.WaitLeft"/> says how long.</summary>
    Waiting,

    /// <summary>Recorded: the execution is complete, or the sequence's take or grid is written (<see cref="StepProgress.Phase"/> names it).</summary>
    Done,

    /// <summary>Ended without a result; <see cref="StepProgress.Phase"/> is the short reason.</summary>
    Failed,

    /// <summary>Nothing to do (already has a take or grid); not a job.</summary>
    Skipped,
}
