using StarSend.Core.Plans;
using StarSend.Core.Sequences;
using StarSend.Core.Settings;

namespace StarSend.Review.ReadModel;

/// <summary>
/// The read model behind the review pages: the plan and sequences.json put together — every sequence with its
/// coverage and costs, the song's section bands, per-section and total figures. Built once per page; reads nothing.
/// </summary>
public sealed class ReviewProject
{
    private ReviewProject(ClientPlan plan, IReadOnlyList<SequenceSummary> sequences, IReadOnlyList<SectionBand> bands, IReadOnlyList<SectionSummary> sections, SectionSummary total)
    {
        Plan = plan;
        Sequences = sequences;
        Bands = bands;
        Sections = sections;
        Total = total;
    }

    public ClientPlan Plan { get; }

    /// <summary>Every sequence of the plan, in plan order.</summary>
    public IReadOnlyList<SequenceSummary> Sequences { get; }

    /// <summary>The sections on the timeline, in song order.</summary>
    public IReadOnlyList<SectionBand> Bands { get; }

    /// <summary>Per section name, in order of first appearance in the song.</summary>
    public IReadOnlyList<SectionSummary> Sections { get; }

    public SectionSummary Total { get; }

    /// <param name="plan">The validated plan.</param>
    /// <param name="state">sequences.json as read.</param>
    /// <param name="settings">For the prices behind the estimate to finish.</param>
    public static ReviewProject Build(ClientPlan plan, SequencesDocument state, ProjectSettings settings)
    {
        var sequences = plan.Sequences
            .Select(s =>
            {
                var record = state.Sequences.GetValueOrDefault(s.Id) ?? new SequenceRecord { Id = s.Id };
                return new SequenceSummary(s, record, ApprovedSeconds(s, record), CostEstimate.ToFinish(s, record, settings));
            })
            .ToList();
        var inSongOrder = sequences.OrderBy(s => s.Plan.StartS).ToList();
        var bands = new List<SectionBand>();
        foreach (var s in inSongOrder)
        {
            if (bands.Count > 0 && bands[^1].Name == s.Plan.Section && bands[^1].EndS >= s.Plan.StartS - 0.001)
            {
                bands[^1] = bands[^1] with { EndS = Math.Max(bands[^1].EndS, s.Plan.EndS) };
            }
            else
            {
                bands.Add(new SectionBand(s.Plan.Section, s.Plan.StartS, s.Plan.EndS));
            }
        }

        var sections = inSongOrder.GroupBy(s => s.Plan.Section, StringComparer.Ordinal).Select(g => Sum(g.Key, [.. g])).ToList();
        return new ReviewProject(plan, sequences, bands, sections, Sum("total", sequences));
    }

    public SequenceSummary Sequence(string id) => Sequences.First(s => s.Id == id);

    private static SectionSummary Sum(string name, List<SequenceSummary> sequences)
    {
        var kept = sequences.Where(s => !s.Omitted).ToList();
        return new SectionSummary(
            name,
            kept.Sum(s => s.Seconds),
            kept.Sum(s => s.ApprovedSeconds),
            sequences.Sum(s => s.Record.CostUsd),
            kept.Sum(s => s.ToFinishUsd),
            kept.Count,
            kept.Count(s => s.IsApproved),
            sequences.Count - kept.Count);
    }

    /// <summary>The slot's seconds that the approved take fills: its verified length, at most the slot.</summary>
    private static double ApprovedSeconds(PlanSequence plan, SequenceRecord record)
    {
        if (record.Omitted || record.State is not (SequenceState.Approved or SequenceState.Final)
            || record.Takes.FirstOrDefault(t => t.Number == record.ApprovedTake) is not { } take)
        {
            return 0;
        }

        var length = take.Files.Count > 0
            ? take.Files.Sum(f => f.DurationS)
            : take.Durations.Sum(d => double.Parse(d, System.Globalization.CultureInfo.InvariantCulture));
        return Math.Min(plan.EndS - plan.StartS, Math.Round(length, 3));
    }
}
