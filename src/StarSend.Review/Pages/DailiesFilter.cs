using System.Globalization;
using StarSend.Core.Errors;
using StarSend.Core.Plans;
using StarSend.Core.Sequences;

namespace StarSend.Review.Pages;

/// <summary>
/// Which takes the dailies show: sequences (ids, a section, or all — the default) and takes (started since a moment,
/// or made by one run). Checked against the plan when built: an unknown id or section is bad input.
/// </summary>
public sealed record DailiesFilter
{
    public IReadOnlyList<string> Sequences { get; init; } = [];

    public string? Section { get; init; }

    public DateTimeOffset? Since { get; init; }

    public string? RunId { get; init; }

    /// <summary>
    /// Reads <c>--since</c>: an ISO 8601 date (<c>2026-11-29</c>, midnight in <paramref name="zone"/>) or date and
    /// time (<c>2026-11-29T14:00</c>, in <paramref name="zone"/> unless it carries an offset or Z).
    /// </summary>
    /// <exception cref="BadInputException">Not such a date.</exception>
    public static DateTimeOffset ParseSince(string text, TimeZoneInfo zone)
    {
        string[] formats = ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"];
        if (DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return new DateTimeOffset(local, zone.GetUtcOffset(local));
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var exact) && text.Length > 10
            && (text.EndsWith('Z') || text.Contains('+', StringComparison.Ordinal) || text.LastIndexOf('-') > 10))
        {
            return exact;
        }

        throw new BadInputException($"--since '{text}' is not a date: use 2026-11-29 or 2026-11-29T14:00 (local time) or an ISO time with offset");
    }

    /// <summary>The plan's sequences this filter selects, in plan order.</summary>
    /// <exception cref="BadInputException">An unknown sequence id or section, or both ids and a section.</exception>
    public IReadOnlyList<PlanSequence> Select(ClientPlan plan)
    {
        if (Sequences.Count > 0 && Section is not null)
        {
            throw new BadInputException("dailies takes sequence ids or --section NAME (or --all), not both");
        }

        var unknown = Sequences.Where(id => plan.FindSequence(id) is null).ToList();
        if (unknown.Count > 0)
        {
            throw new BadInputException($"unknown sequence '{unknown[0]}'; the plan has {string.Join(", ", plan.Sequences.Select(s => s.Id))}");
        }

        if (Section is not null)
        {
            var inSection = plan.Sequences.Where(s => string.Equals(s.Section, Section, StringComparison.OrdinalIgnoreCase)).ToList();
            return inSection.Count > 0 ? inSection
                : throw new BadInputException($"no sequence in section '{Section}'; sections are {string.Join(", ", plan.Sequences.Select(s => s.Section).Distinct())}");
        }

        return Sequences.Count > 0 ? [.. plan.Sequences.Where(s => Sequences.Contains(s.Id))] : plan.Sequences;
    }

    /// <summary>A take is kept when it started at or after <see cref="Since"/> and was made by run <see cref="RunId"/>: the invocation that made it or its sequence pass.</summary>
    public bool Keeps(Take take) =>
        (Since is null || take.StartedAt >= Since)
        && (RunId is null || string.Equals(take.RunId, RunId, StringComparison.Ordinal) || string.Equals(take.PassRunId, RunId, StringComparison.Ordinal));

    /// <summary>How the page names the filter: "all sequences", "section chorus, since 2026-11-29 00:00 UTC"...</summary>
    public string Describe()
    {
        var what = Section is not null ? $"section {Section}" : Sequences.Count > 0 ? string.Join(", ", Sequences) : "all sequences";
        return what + (Since is { } s ? $", takes since {PageText.Time(s)}" : string.Empty) + (RunId is { } r ? $", takes of run {r}" : string.Empty);
    }
}
