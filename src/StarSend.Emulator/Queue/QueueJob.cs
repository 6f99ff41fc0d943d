using StarSend.Emulator.Kling;
using StarSend.Emulator.Storage;

namespace StarSend.Emulator.Queue;

/// <summary>
/// One accepted job. Its state is a pure function of the clock: IN_QUEUE for QueueWait, IN_PROGRESS for RunTime,
/// then COMPLETED; a cancel, a start timeout shorter than the queue wait, or a hang changes the end.
/// </summary>
internal sealed class QueueJob
{
    private const int QueueSteps = 3;

    private readonly object _gate = new();
    private DateTimeOffset? _cancelledAt;

    public required string RequestId { get; init; }

    public required string ModelId { get; init; }

    public required string AppPath { get; init; }

    public required DateTimeOffset SubmittedAt { get; init; }

    public required TimeSpan QueueWait { get; init; }

    public required TimeSpan RunTime { get; init; }

    public required VideoSpec Video { get; init; }

    public required StoredFile VideoFile { get; init; }

    /// <summary>From <c>x-fal-request-timeout</c>: the job fails if it has not started by then.</summary>
    public TimeSpan? StartTimeout { get; init; }

    public bool Hangs { get; init; }

    /// <summary>422 or 500 when the job is to fail (job-error fault).</summary>
    public int? ErrorStatus { get; init; }

    /// <summary>The submitted input, listed as <c>json_input</c> by the request listing when payloads are stored.</summary>
    public System.Text.Json.Nodes.JsonObject Input { get; init; } = [];

    /// <summary>False when the submit sent <c>X-Fal-Store-IO: 0</c>: the listing then has no <c>json_input</c>.</summary>
    public bool StoresPayload { get; init; } = true;

    public DateTimeOffset StartsAt => SubmittedAt + QueueWait;

    public JobSnapshot At(DateTimeOffset now)
    {
        var (end, outcome) = End();
        if (end is { } completedAt && now >= completedAt)
        {
            return new JobSnapshot(JobPhase.Completed, outcome, 0, completedAt);
        }

        if (now < StartsAt)
        {
            var remaining = (StartsAt - now) / QueueWait;
            return new JobSnapshot(JobPhase.InQueue, JobOutcome.Pending, Math.Max(0, (int)Math.Ceiling(remaining * QueueSteps) - 1), null);
        }

        return new JobSnapshot(JobPhase.InProgress, JobOutcome.Pending, 0, null);
    }

    /// <summary>Cancels a job that has not completed; false when it already had.</summary>
    public bool TryCancel(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (At(now).Phase == JobPhase.Completed)
            {
                return false;
            }

            _cancelledAt = now;
            return true;
        }
    }

    /// <summary>Log lines up to <paramref name="now"/>: start, one per shot, and the end.</summary>
    public IReadOnlyList<(DateTimeOffset At, string Message)> Logs(DateTimeOffset now)
    {
        var (end, outcome) = End();
        var lines = new List<(DateTimeOffset, string)>();
        if (outcome is JobOutcome.TimedOut)
        {
            return lines;
        }

        lines.Add((StartsAt, $"Starting generation: {Video.ShotCount} shot(s), {Video.DurationS} s of video"));
        for (var i = 0; i < Video.ShotCount; i++)
        {
            lines.Add((StartsAt + (RunTime * i / Video.ShotCount), $"Generating shot {i + 1}/{Video.ShotCount}"));
        }

        if (end is { } completedAt)
        {
            lines.Add((completedAt, outcome switch
            {
                JobOutcome.Succeeded => "Video ready",
                JobOutcome.Cancelled => "Cancelled",
                _ => "Generation failed",
            }));
        }

        var upTo = end is { } e && e < now ? e : now;
        return [.. lines.Where(l => l.Item1 <= upTo)];
    }

    /// <summary>The next instant after <paramref name="now"/> at which the status can change, if any.</summary>
    public DateTimeOffset? NextChange(DateTimeOffset now)
    {
        var (end, _) = End();
        var moments = new List<DateTimeOffset> { StartsAt };
        moments.AddRange(Logs(DateTimeOffset.MaxValue).Select(l => l.At));
        if (end is { } e)
        {
            moments.Add(e);
        }

        var next = moments.Where(m => m > now).Order().ToList();
        return next.Count > 0 ? next[0] : null;
    }

    private (DateTimeOffset? End, JobOutcome Outcome) End()
    {
        DateTimeOffset? cancelled;
        lock (_gate)
        {
            cancelled = _cancelledAt;
        }

        (DateTimeOffset? End, JobOutcome Outcome) natural = StartTimeout is { } timeout && timeout < QueueWait
            ? (SubmittedAt + timeout, JobOutcome.TimedOut)
            : Hangs ? (null, JobOutcome.Pending) : (StartsAt + RunTime, ErrorStatus is null ? JobOutcome.Succeeded : JobOutcome.Failed);
        return cancelled is { } c && (natural.End is null || c < natural.End) ? (c, JobOutcome.Cancelled) : natural;
    }
}
