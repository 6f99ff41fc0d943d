using StarSend.Core.Errors;
using StarSend.Core.Plans;
using StarSend.Core.Sequences;

namespace StarSend.Export.Timeline;

/// <summary>
/// Lays the approved (or final) take of every sequence that is not omitted at its <c>start_s</c> on a timeline of the
/// song's length. A multi-shot take is one clip; a per-shot take is its shots' files as consecutive clips. A clip
/// never runs past its sequence's <c>end_s</c> nor into the next sequence; a clip that overlaps the one before starts
/// later in its file. Every frame without picture is a <see cref="TimelineGap"/> saying why.
/// </summary>
public static class TimelineBuilder
{
    /// <summary>Builds the edit.</summary>
    /// <param name="plan">The validated plan.</param>
    /// <param name="sequences">sequences.json as read.</param>
    /// <param name="omitted">Sequence ids left out of the edit (review's omit, or the plan's <c>omit</c>).</param>
    /// <param name="projectRoot">The project folder; take files are resolved against it.</param>
    /// <param name="exportRunId">The run id of the export, kept in the metadata.</param>
    /// <exception cref="BadInputException">A bad <c>fps</c> or <c>song.audio</c>, or an approved take whose file is missing.</exception>
    public static EditTimeline Build(ClientPlan plan, SequencesDocument sequences, IReadOnlySet<string> omitted, string projectRoot, string exportRunId)
    {
        var rate = PlanExtras.Rate(plan);
        var duration = rate.FramesOf(plan.Song.DurationS);
        var audio = PlanExtras.Audio(plan, projectRoot, rate);
        var items = new List<TimelineItem>();
        var cursor = 0L;
        foreach (var sequence in plan.Sequences.OrderBy(s => s.StartS).ThenBy(s => s.EndS))
        {
            var start = Math.Clamp(rate.FramesOf(sequence.StartS), 0, duration);
            var end = Math.Clamp(rate.FramesOf(sequence.EndS), 0, duration);
            var record = sequences.Sequences.GetValueOrDefault(sequence.Id);
            var reason = Excluded(sequence, record, omitted);
            if (reason is not null || end <= cursor)
            {
                if (reason is not null)
                {
                    AddGap(items, ref cursor, Math.Max(start, cursor), end, reason);
                }

                continue;
            }

            var take = record!.Takes.Single(t => t.Number == record.ApprovedTake);
            AddGap(items, ref cursor, cursor, start, "no sequence planned");
            var clipStart = Math.Max(start, cursor);
            var position = start;
            for (var i = 0; i < take.Files.Count && position < end; i++)
            {
                var file = take.Files[i];
                var full = Path.GetFullPath(Path.Combine(projectRoot, file.Path));
                if (!File.Exists(full))
                {
                    throw new BadInputException($"{sequence.Id}: approved take {take.Number} file '{file.Path}' is missing; run 'starsend reconcile'");
                }

                var frames = rate.FramesOf(file.DurationS);
                var fileStart = position;
                var fileEnd = Math.Min(position + frames, end);
                position += frames;
                var visibleStart = Math.Max(fileStart, clipStart);
                if (fileEnd <= visibleStart)
                {
                    continue;
                }

                var individual = take.Mode == TakeMode.Individual;
                var shot = individual && i < sequence.Shots.Count ? sequence.Shots[i].Id : null;
                items.Add(new TimelineClip
                {
                    Start = visibleStart,
                    Duration = fileEnd - visibleStart,
                    Name = shot is null ? $"{sequence.Id} take {take.Number}" : $"{sequence.Id} take {take.Number} {shot}",
                    SequenceId = sequence.Id,
                    Section = sequence.Section,
                    TakeNumber = take.Number,
                    ShotId = shot,
                    File = full,
                    ProjectFile = file.Path,
                    SourceStart = visibleStart - fileStart,
                    SourceDuration = frames,
                    RunId = take.RunId,
                    Prompts = individual ? [i < take.ShotPrompts.Count ? take.ShotPrompts[i] : string.Empty] : take.ShotPrompts,
                    TakeCostUsd = take.CostUsd,
                    Model = take.Model,
                    Status = record.State == SequenceState.Final ? "final" : "approved",
                });
                cursor = fileEnd;
            }

            AddGap(items, ref cursor, cursor, end, $"{sequence.Id} take {take.Number} ends early");
        }

        AddGap(items, ref cursor, cursor, duration, "no sequence planned");
        return new EditTimeline
        {
            Project = plan.Project,
            SongTitle = plan.Song.Title,
            Rate = rate,
            Duration = duration,
            Width = Dimensions(plan.AspectRatio).Width,
            Height = Dimensions(plan.AspectRatio).Height,
            Items = items,
            Audio = audio,
            ExportRunId = exportRunId,
        };
    }

    /// <summary>Why a sequence has no picture on the edit, or null when its approved take goes in.</summary>
    private static string? Excluded(PlanSequence sequence, SequenceRecord? record, IReadOnlySet<string> omitted)
    {
        if (omitted.Contains(sequence.Id) || PlanExtras.Omitted(sequence))
        {
            return $"{sequence.Id} omitted";
        }

        if (record is null || record.State is not (SequenceState.Approved or SequenceState.Final) || record.ApprovedTake is null
            || record.Takes.All(t => t.Number != record.ApprovedTake) || record.Takes.Single(t => t.Number == record.ApprovedTake).Files.Count == 0)
        {
            return $"{sequence.Id} not approved ({SequenceWorkflow.StateName(record?.State ?? SequenceState.NotStarted)})";
        }

        return null;
    }

    private static void AddGap(List<TimelineItem> items, ref long cursor, long from, long to, string reason)
    {
        if (to <= cursor)
        {
            return;
        }

        if (from > cursor)
        {
            AddGap(items, ref cursor, cursor, from, "no sequence planned");
        }

        if (items.Count > 0 && items[^1] is TimelineGap last && last.Reason == reason)
        {
            items[^1] = last with { Duration = to - last.Start };
        }
        else
        {
            items.Add(new TimelineGap { Start = cursor, Duration = to - cursor, Reason = reason });
        }

        cursor = to;
    }

    /// <summary>1080p pixels for the plan's aspect ratio.</summary>
    private static (int Width, int Height) Dimensions(string aspectRatio) => aspectRatio switch
    {
        "9:16" => (1080, 1920),
        "1:1" => (1080, 1080),
        _ => (1920, 1080),
    };
}
