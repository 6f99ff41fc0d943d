using StarSend.Core.Steps;
using StarSend.Core.Workflow;

namespace StarSend.Cli.Output;

/// <summary>
/// What a batch's progress view shows, built from the events Core reports (<see cref="StepProgress"/>) and each
/// sequence's outcome: a row per step with its real phase, rows that collapse once finished for
/// <see cref="CollapseAfter"/> (failed ones stay), and the footer. Thread-safe; time comes from the injected clock.
/// </summary>
internal sealed class ProgressBoard(TimeProvider time, BatchEstimate estimate, int jobConcurrency)
{
    private readonly object _gate = new();
    private readonly long _started = time.GetTimestamp();
    private readonly Dictionary<string, ProgressRow> _rows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _ended = new(StringComparer.Ordinal);

    public TimeSpan CollapseAfter { get; init; } = TimeSpan.FromSeconds(3);

    public TimeProvider Time => time;

    /// <summary>Applies an event; returns the row when what it shows changed, null otherwise (repeats, late news of a finished step).</summary>
    public ProgressRow? Apply(StepProgress progress)
    {
        lock (_gate)
        {
            var now = time.GetTimestamp();
            _rows.TryGetValue(progress.StepId, out var existing);
            var finishing = progress.Kind is StepPhase.Done or StepPhase.Failed or StepPhase.Skipped;
            if (existing is { IsFinished: true } && !finishing)
            {
                return null;
            }

            var row = (existing ?? new ProgressRow { StepId = progress.StepId, SequenceId = progress.SequenceId ?? SequenceOf(progress.StepId), FirstSeen = now }) with
            {
                Kind = progress.Kind,
                Text = progress.Phase,
                QueuePosition = progress.QueuePosition,
                CostUsd = progress.CostUsd > 0 ? progress.CostUsd : existing?.CostUsd ?? 0,
                FinishedAt = finishing ? existing?.FinishedAt ?? now : null,
                StartedAt = existing?.StartedAt ?? (progress.Kind != StepPhase.Queued || progress.QueuePosition is not null ? now : null),
                WaitUntil = progress.WaitLeft is { } wait ? now + (long)(wait.TotalSeconds * time.TimestampFrequency) : null,
            };
            _rows[row.StepId] = row;
            var changed = existing is null || existing.Kind != row.Kind || existing.Text != row.Text || existing.QueuePosition != row.QueuePosition;
            return changed ? row : null;
        }
    }

    /// <summary>
    /// A sequence ended: on failure its unfinished rows fail with the short reason (or a row is made for it); on success
    /// without any row done (nothing to do, or a paid result reused) a skipped row says why. Returns the rows that changed.
    /// </summary>
    public IReadOnlyList<ProgressRow> Finish(SequenceOutcome outcome)
    {
        lock (_gate)
        {
            var now = time.GetTimestamp();
            _ended[outcome.SequenceId] = outcome.Succeeded;
            var own = _rows.Values.Where(r => r.SequenceId == outcome.SequenceId).ToList();
            var changed = new List<ProgressRow>();
            var reason = ProgressText.Short(outcome.Message, outcome.SequenceId);
            if (!outcome.Succeeded)
            {
                changed.AddRange(own.Where(r => !r.IsFinished).Select(r => r with { Kind = StepPhase.Failed, Text = reason, FinishedAt = now }));
                if (own.Count == 0)
                {
                    changed.Add(new ProgressRow { StepId = outcome.SequenceId, SequenceId = outcome.SequenceId, Kind = StepPhase.Failed, Text = reason, FirstSeen = now, FinishedAt = now, IsJob = false });
                }
            }
            else if (!own.Any(r => r.Kind == StepPhase.Done))
            {
                changed.Add(new ProgressRow { StepId = outcome.SequenceId, SequenceId = outcome.SequenceId, Kind = StepPhase.Skipped, Text = reason, FirstSeen = now, FinishedAt = now, IsJob = false });
            }

            foreach (var row in changed)
            {
                _rows[row.StepId] = row;
            }

            return changed;
        }
    }

    /// <summary>Rows to show (running, waiting, failed, or finished less than <see cref="CollapseAfter"/> ago) and the collapsed ones, by step id.</summary>
    public (IReadOnlyList<ProgressRow> Visible, IReadOnlyList<ProgressRow> Collapsed) Rows()
    {
        lock (_gate)
        {
            var now = time.GetTimestamp();
            var collapseTicks = (long)(CollapseAfter.TotalSeconds * time.TimestampFrequency);
            var all = _rows.Values.OrderBy(r => r.StepId, StringComparer.Ordinal).ToList();
            bool Collapsed(ProgressRow r) => r.Kind is StepPhase.Done or StepPhase.Skipped && now - r.FinishedAt >= collapseTicks;
            return ([.. all.Where(r => !Collapsed(r))], [.. all.Where(Collapsed)]);
        }
    }

    public ProgressFooter Footer()
    {
        lock (_gate)
        {
            var now = time.GetTimestamp();
            var jobs = _rows.Values.Where(r => r.IsJob).ToList();
            var done = jobs.Where(r => r.Kind == StepPhase.Done).ToList();
            var failed = jobs.Count(r => r.Kind == StepPhase.Failed);
            var total = Math.Max(estimate.Jobs, jobs.Count);
            var remaining = Math.Max(0, total - done.Count - failed);
            TimeSpan? left = null;
            if (remaining == 0 && _ended.Count == estimate.Sequences.Count)
            {
                left = TimeSpan.Zero;
            }
            else if (done.Count > 0)
            {
                var average = done.Average(r => (double)(r.FinishedAt!.Value - (r.StartedAt ?? r.FirstSeen)) / time.TimestampFrequency);
                var rounds = Math.Ceiling(remaining / (double)Math.Max(1, jobConcurrency));
                left = TimeSpan.FromSeconds(Math.Round(average * rounds));
            }

            return new ProgressFooter(
                _ended.Count(e => e.Value), _ended.Count(e => !e.Value), estimate.Sequences.Count, done.Count, failed, total,
                done.Sum(r => r.CostUsd), estimate.CostUsd, time.GetElapsedTime(_started), left);
        }
    }

    /// <summary>Elapsed time of a row since its job started (or since it waits for a slot): until now while it runs, until it finished otherwise.</summary>
    public TimeSpan ElapsedOf(ProgressRow row) =>
        TimeSpan.FromSeconds((double)((row.FinishedAt ?? time.GetTimestamp()) - (row.StartedAt ?? row.FirstSeen)) / time.TimestampFrequency);

    /// <summary>Whole seconds left of a row's wait (0 once over).</summary>
    public int WaitSecondsLeft(ProgressRow row) =>
        row.WaitUntil is { } until ? (int)Math.Max(0, Math.Ceiling((double)(until - time.GetTimestamp()) / time.TimestampFrequency)) : 0;

    private static string SequenceOf(string stepId)
    {
        var cut = stepId.IndexOf('_', StringComparison.Ordinal);
        return cut < 0 ? stepId : stepId[..cut];
    }
}
