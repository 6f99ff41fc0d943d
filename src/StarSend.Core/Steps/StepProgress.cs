namespace StarSend.Core.Steps;

/// <summary>
/// Where a step stands, for live progress and the log. <paramref name="StepId"/> is the execution's step (<c>SEQ05</c>,
/// <c>SEQ08_shot03</c>) or, for sequence-level events (take or grid recorded, failed, skipped), the sequence id.
/// <paramref name="Phase"/> is the short text to show ("in queue", "take 2", the failure's reason);
/// <paramref name="Elapsed"/> is time since the provider got the job; <paramref name="CostUsd"/> is US dollars, the
/// estimate until the provider's result gives the price.
/// </summary>
public sealed record StepProgress(string StepId, string Phase, int? QueuePosition, TimeSpan Elapsed, decimal CostUsd = 0)
{
    /// <summary>The phase as a category (the view's colour and counters); <see cref="StepPhase.Running"/> unless set.</summary>
    public StepPhase Kind { get; init; } = StepPhase.Running;

    /// <summary>The sequence the step belongs to; stamped by the workflow (<see cref="StepProgressExtensions.ForSequence"/>).</summary>
    public string? SequenceId { get; init; }

    /// <summary>For <see cref="StepPhase.Waiting"/>: how long until the next try.</summary>
    public TimeSpan? WaitLeft { get; init; }

    /// <summary>True for the sequence-level event that ends a sequence (its take or grid recorded, failed, skipped).</summary>
    public bool EndsSequence { get; init; }
}
