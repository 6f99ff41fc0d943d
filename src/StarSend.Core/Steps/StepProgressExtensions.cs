namespace StarSend.Core.Steps;

/// <summary>Helpers to report <see cref="StepProgress"/>.</summary>
public static class StepProgressExtensions
{
    /// <summary>A reporter that stamps <paramref name="sequenceId"/> on every event it passes on; null stays null.</summary>
    public static IProgress<StepProgress>? ForSequence(this IProgress<StepProgress>? progress, string sequenceId) =>
        progress is null ? null : new SequenceStamp(progress, sequenceId);

    private sealed class SequenceStamp(IProgress<StepProgress> inner, string sequenceId) : IProgress<StepProgress>
    {
        public void Report(StepProgress value) => inner.Report(value.SequenceId is null ? value with { SequenceId = sequenceId } : value);
    }
}
