using StarSend.Core.Steps;

namespace StarSend.Cli.Output;

/// <summary>
/// One row of the progress board: a step (a paid call) or, for sequence-level news, a sequence. Times are
/// <see cref="TimeProvider.GetTimestamp"/> values of the board's clock; <see cref="CostUsd"/> is US dollars.
/// </summary>
internal sealed record ProgressRow
{
    public required string StepId { get; init; }

    public required string SequenceId { get; init; }

    public StepPhase Kind { get; init; } = StepPhase.Queued;

    /// <summary>The short text of the phase ("in queue", "take 2", a failure's reason).</summary>
    public string Text { get; init; } = string.Empty;

    public int? QueuePosition { get; init; }

    public decimal CostUsd { get; init; }

    public long FirstSeen { get; init; }

    /// <summary>When the provider got the job (first event past waiting for a local job slot); null before.</summary>
    public long? StartedAt { get; init; }

    /// <summary>When the row reached done, failed or skipped; null while it runs.</summary>
    public long? FinishedAt { get; init; }

    /// <summary>For <see cref="StepPhase.Waiting"/>: when the wait ends.</summary>
    public long? WaitUntil { get; init; }

    /// <summary>False for a row the board made from a sequence's outcome (a skip, or a failure before any call).</summary>
    public bool IsJob { get; init; } = true;

    public bool IsFinished => Kind is StepPhase.Done or StepPhase.Failed or StepPhase.Skipped;
}
