using Microsoft.Extensions.Time.Testing;

namespace StarSend.Testing;

/// <summary>
/// The clock handed to the code under test: a <see cref="FakeTimeProvider"/> (which owns the time and fires the timers)
/// seen through a probe that records every timer the code arms. <see cref="FakeTimeProvider"/> cannot tell which timers
/// are pending or when they are due, and that is all this class adds: <see cref="RunAsync{T}"/> moves time straight to the
/// code's next wait (a poll or back-off delay) whenever it is parked on one, and otherwise lets real loopback I/O finish,
/// so no test sleeps and wait counts are exact (<see cref="Waits"/>).
/// Timers of <see cref="DeadlineFloor"/> or more are deadlines (per-request timeouts): they never fire, except the one
/// a stall test asks for with <c>fireDeadlineAfter</c> (the first deadline still pending after that much real idle time).
/// </summary>
public sealed class DrivenClock : TimeProvider
{
    private readonly object _gate = new();
    private readonly List<ProbeTimer> _live = [];
    private readonly List<TimeSpan> _waits = [];

    public DrivenClock(FakeTimeProvider fake)
    {
        Fake = fake;
    }

    /// <summary>The fake the probe wraps; tests move it by hand with <see cref="FakeTimeProvider.Advance"/>.</summary>
    public FakeTimeProvider Fake { get; }

    /// <summary>The fixed start of every test clock: 2026-11-22 09:00 UTC.</summary>
    public static DateTimeOffset Start { get; } = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A <see cref="FakeTimeProvider"/> at <paramref name="start"/> (default <see cref="Start"/>), UTC.</summary>
    public static FakeTimeProvider NewFake(DateTimeOffset? start = null) => new(start ?? Start);

    /// <summary>A driven clock over a new fake at <see cref="Start"/>.</summary>
    public static DrivenClock New() => new(NewFake());

    /// <summary>Number of armed waits (timers shorter than <see cref="DeadlineFloor"/>) the code is parked on now.</summary>
    public int PendingWaits => Live().Count(t => t.Wait is not null);

    public TimeSpan DeadlineFloor { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Every wait (timer shorter than <see cref="DeadlineFloor"/>) the code started, in order.</summary>
    public IReadOnlyList<TimeSpan> Waits
    {
        get
        {
            lock (_gate)
            {
                return [.. _waits];
            }
        }
    }

    public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow();

    public override long GetTimestamp() => Fake.GetTimestamp();

    public override long TimestampFrequency => Fake.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => Fake.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var probe = new ProbeTimer(this);
        probe.Inner = Fake.CreateTimer(s => probe.Fire(callback, s), state, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        probe.Change(dueTime, period);
        return probe;
    }

    /// <summary>Runs <paramref name="task"/> to the end, advancing time to each wait it parks on.</summary>
    public async Task<T> RunAsync<T>(Task<T> task, TimeSpan? fireDeadlineAfter = null)
    {
        var idleSince = TimeProvider.System.GetTimestamp();
        var giveUp = TimeProvider.System.GetTimestamp();
        while (!task.IsCompleted)
        {
            if (TimeProvider.System.GetElapsedTime(giveUp) > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException("the code under test neither finished nor waited on the clock for 60 s of real time");
            }

            var next = NextDue(deadlines: false);
            if (next is null && fireDeadlineAfter is { } after && TimeProvider.System.GetElapsedTime(idleSince) > after)
            {
                next = NextDue(deadlines: true);
                fireDeadlineAfter = null;
            }

            if (next is { } due)
            {
                var by = due - Fake.GetUtcNow();
                Fake.Advance(by > TimeSpan.Zero ? by : TimeSpan.Zero);
                idleSince = TimeProvider.System.GetTimestamp();
                continue;
            }

            await Task.WhenAny(task, Task.Delay(1));
        }

        return await task;
    }

    public Task RunAsync(Task task, TimeSpan? fireDeadlineAfter = null) =>
        RunAsync(task.ContinueWith(t => { t.GetAwaiter().GetResult(); return true; }, TaskScheduler.Default), fireDeadlineAfter);

    /// <summary>Lets real I/O run until the code starts a wait matching <paramref name="match"/>.</summary>
    public async Task WaitForWaitAsync(Func<TimeSpan, bool> match)
    {
        var start = TimeProvider.System.GetTimestamp();
        while (!Live().Any(t => t.Wait is { } w && match(w)))
        {
            if (TimeProvider.System.GetElapsedTime(start) > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException("the expected wait never started");
            }

            await Task.Delay(1);
        }
    }

    private DateTimeOffset? NextDue(bool deadlines) =>
        Live().Where(t => t.DueAt is not null && (deadlines || t.Wait is not null)).Select(t => t.DueAt).Min();

    private List<ProbeTimer> Live()
    {
        lock (_gate)
        {
            return [.. _live];
        }
    }

    private sealed class ProbeTimer(DrivenClock owner) : ITimer
    {
        public ITimer Inner { get; set; } = null!;

        public DateTimeOffset? DueAt { get; private set; }

        /// <summary>The wait this timer stands for, or null when it is a deadline or not armed.</summary>
        public TimeSpan? Wait { get; private set; }

        private int _fired;

        public void Fire(TimerCallback callback, object? state)
        {
            lock (owner._gate)
            {
                _fired++;
                DueAt = null;
                Wait = null;
            }

            callback(state);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            // Arm the fake timer before the wait becomes visible: a test that advances the clock as soon as it sees a
            // pending wait must find the timer there, or it fires a full due time later and the test hangs.
            int firedBefore;
            lock (owner._gate)
            {
                firedBefore = _fired;
            }

            var changed = Inner.Change(dueTime, Timeout.InfiniteTimeSpan);
            lock (owner._gate)
            {
                owner._live.Remove(this);
                DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : owner.Fake.GetUtcNow() + dueTime;
                Wait = DueAt is not null && dueTime < owner.DeadlineFloor ? dueTime : null;
                if (Wait is { } wait)
                {
                    owner._waits.Add(wait);
                }

                // A timer already due fires inside Change; it is not pending any more.
                if (_fired != firedBefore)
                {
                    DueAt = null;
                    Wait = null;
                }

                if (DueAt is not null)
                {
                    owner._live.Add(this);
                }
            }

            return changed;
        }

        public void Dispose()
        {
            lock (owner._gate)
            {
                owner._live.Remove(this);
                DueAt = null;
            }

            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
