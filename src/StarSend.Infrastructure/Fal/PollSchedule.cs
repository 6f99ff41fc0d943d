namespace StarSend.Infrastructure.Fal;

/// <summary>
/// Waits between status polls: short at first (a queue can answer fast), growing geometrically to a cap, so a
/// 5-minute Kling job costs ~40 status calls instead of 600 at a fixed 500 ms, and completion is seen within the cap.
/// </summary>
internal sealed class PollSchedule(TimeSpan initial, double growth, TimeSpan max)
{
    private TimeSpan _next = initial;

    public TimeSpan Next()
    {
        var wait = _next;
        _next = TimeSpan.FromTicks(Math.Min((long)(_next.Ticks * Math.Max(1, growth)), max.Ticks));
        return wait < max ? wait : max;
    }
}
