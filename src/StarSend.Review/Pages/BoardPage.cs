using StarSend.Core.Sequences;
using StarSend.Review.ReadModel;
using StarSend.Review.Pages.Views;

namespace StarSend.Review.Pages;

/// <summary>
/// The Sequence Board: the song drawn to scale (section bands, a coverage strip with the gaps, one card per sequence
/// at its start_s–end_s), and per section and in total the coverage, the spend and the estimated cost to finish.
/// </summary>
public static class BoardPage
{
    /// <summary>The default page, relative to the project folder.</summary>
    public const string DefaultFile = "review/board.html";

    /// <summary>Renders the page for <paramref name="project"/> as if written at <paramref name="pageFile"/>.</summary>
    public static string Render(ReviewProject project, string projectRoot, string pageFile, string dailiesFile, DateTimeOffset writtenAt)
    {
        var links = new PageLinks(projectRoot, pageFile);
        var song = project.Plan.Song.DurationS;
        var view = new BoardView
        {
            Project = project.Plan.Project,
            SongTitle = project.Plan.Song.Title,
            SongS = PageText.Number(song, 3),
            SongLength = PageText.Clock(song),
            WrittenAt = PageText.Time(writtenAt),
            DailiesLink = links.ToFile(dailiesFile),
            Ticks = Ticks(song),
            Bands = [.. project.Bands.Select(b => new BandView(b.Name, PageText.Percent(b.StartS, song), PageText.Percent(b.EndS - b.StartS, song), PageText.Range(b.StartS, b.EndS)))],
            Cards = [.. project.Sequences.Select(s => Card(s, song, links))],
            Coverage = Coverage(project, song),
            Sections = [.. project.Sections.Select(Row)],
            Total = Row(project.Total),
            Css = PageRenderer.Asset("review.css"),
        };
        return PageRenderer.Render("board.liquid", view);
    }

    private static CardView Card(SequenceSummary s, double song, PageLinks links) => new()
    {
        Id = s.Id,
        Section = s.Plan.Section,
        State = PageText.State(s.Record.State),
        StateClass = PageText.State(s.Record.State),
        Left = PageText.Percent(s.Plan.StartS, song),
        Width = PageText.Percent(s.Seconds, song),
        StartS = PageText.Number(s.Plan.StartS, 3),
        EndS = PageText.Number(s.Plan.EndS, 3),
        Range = PageText.Range(s.Plan.StartS, s.Plan.EndS),
        Description = s.Plan.Description ?? string.Empty,
        Picture = Pictures.OfSequence(s.Record, links),
        ApprovedTake = s.ApprovedTake is { } t ? $"take {t.Number}" : string.Empty,
        Takes = s.Record.Takes.Count,
        Cost = PageText.Money(s.Record.CostUsd),
        ToFinish = PageText.Money(s.ToFinishUsd),
        LastError = s.Record.LastError ?? string.Empty,
        Omitted = s.Omitted,
        Retake = s.Record.Takes.LastOrDefault(t => SequenceReview.StatusOf(s.Record, t) == TakeReviewStatus.Retake) is { } sent
            && sent == s.Record.Takes[^1] ? $"take {sent.Number}: {sent.RetakeReason}" : string.Empty,
        Analysis = s.Record.Analyses.LastOrDefault() is { } a
            ? $"analysis {a.Number}: {a.Answer.Environment.Setting}; colours {string.Join(", ", a.Answer.Environment.DominantColors.Take(4))}; motion: {string.Join(", ", a.Answer.MotionElements.Select(m => m.Element))}"
            : string.Empty,
        AnalysisStale = s.Record.Analyses.LastOrDefault() is { } last && last.StartFrameFile != s.Record.StartFrame?.File,
    };

    private static SectionRowView Row(SectionSummary s) => new(
        s.Name, PageText.Seconds(s.Seconds), PageText.Seconds(s.ApprovedSeconds), PageText.Number(s.CoveragePercent, 1) + " %",
        PageText.Money(s.SpentUsd), PageText.Money(s.ToFinishUsd), s.Sequences, s.Approved, s.Omitted);

    /// <summary>Approved stretches, open ones (planned, not approved), omitted ones, and song time no sequence plans.</summary>
    private static List<SegmentView> Coverage(ReviewProject project, double song)
    {
        var segments = new List<SegmentView>();
        void Add(double start, double end, string kind, string label)
        {
            if (end - start > 0.001)
            {
                segments.Add(new SegmentView(PageText.Percent(start, song), PageText.Percent(end - start, song), kind, $"{label} {PageText.Range(start, end)}"));
            }
        }

        var cursor = 0.0;
        foreach (var s in project.Sequences.OrderBy(s => s.Plan.StartS))
        {
            Add(cursor, s.Plan.StartS, "unplanned", "no sequence");
            if (s.Omitted)
            {
                Add(s.Plan.StartS, s.Plan.EndS, "omitted", $"{s.Id} omitted");
            }
            else
            {
                Add(s.Plan.StartS, s.Plan.StartS + s.ApprovedSeconds, "approved", $"{s.Id} approved");
                Add(s.Plan.StartS + s.ApprovedSeconds, s.Plan.EndS, "open", $"{s.Id} not approved");
            }

            cursor = Math.Max(cursor, s.Plan.EndS);
        }

        Add(cursor, song, "unplanned", "no sequence");
        return segments;
    }

    private static IReadOnlyList<TickView> Ticks(double song)
    {
        var step = song > 600 ? 60 : song > 120 ? 15 : 5;
        return [.. Enumerable.Range(0, (int)(song / step) + 1).Select(i => i * step).Select(t => new TickView(PageText.Percent(t, song), PageText.Clock(t)))];
    }
}
