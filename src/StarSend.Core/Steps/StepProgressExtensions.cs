namespace StarSend.Core.Steps;

/// <summary>Helpers to report <see cref="StepProgress"/>.</summary>
public static class StepProgressExtensions
{
    /// <summary>A reporter that stamps <paramref name="sequenceId"/> on every event it passes on; null stays null.</summary>
    public static IProgress<StepProgress>? ForSequence(this IProgress<StepProgress>? progress, string sequenceId) =>
        progress is null ? null : new SequenceStamp(progress, sequenceId);

    /// <summary>
    /// A reporter for one stage of a multi-stage pass (<c>run</c>: grid, then analysis, then take) whose step ids are the
    /// sequence's own: each event's step id gets <c>_STAGE</c> (<c>SEQ05_grid</c>), so the view keeps the grid's row and
    /// its cost apart from the take's instead of the take's events landing on a finished grid row.
    /// </summary>
    public static IProgress<StepProgress>? ForStage(this IProgress<StepProgress>? progress, string sequenceId, string stage) =>
        progress is null ? null : new StageStamp(progress, sequenceId, stage);

    private sealed class StageStamp(IProgress<StepProgress> inner, string sequenceId, string stage) : IProgress<StepProgress>
    {
        public void Report(StepProgress value) => inner.Report(value with
        {
            StepId = value.StepId == sequenceId ? $"{sequenceId}_{stage}" : value.StepId,
            SequenceId = value.SequenceId ?? sequenceId,
        });
    }

    private sealed class SequenceStamp(IProgress<StepProgress> inner, string sequenceId) : IProgress<StepProgress>
    {
        public void Report(StepProgress value) => inner.Report(value.SequenceId is null ? value with { SequenceId = sequenceId } : value);
    }
}
