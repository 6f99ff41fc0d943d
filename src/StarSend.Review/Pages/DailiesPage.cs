using System.Globalization;
using StarSend.Core.Sequences;
using StarSend.Review.Pages.Views;
using StarSend.Review.ReadModel;

namespace StarSend.Review.Pages;

/// <summary>
/// Dailies: takes grouped by sequence, newest first, each with its player (a per-shot take plays its shot files back
/// to back), grid and pick, start frame, prompts marked against the previous take, the take's facts and review
/// status; a compare view; and controls that build a decisions.json in the browser for <c>starsend review import</c>.
/// </summary>
public static class DailiesPage
{
    /// <summary>The default page, relative to the project folder.</summary>
    public const string DefaultFile = "review/dailies.html";

    public static string Render(ReviewProject project, DailiesFilter filter, string projectRoot, string pageFile, string boardFile, DateTimeOffset writtenAt)
    {
        var links = new PageLinks(projectRoot, pageFile);
        var groups = filter.Select(project.Plan)
            .Select(p => project.Sequence(p.Id))
            .Select(s => new GroupView(
                s.Id,
                s.Plan.Section,
                PageText.State(s.Record.State),
                PageText.State(s.Record.State),
                PageText.Range(s.Plan.StartS, s.Plan.EndS),
                s.Omitted,
                [.. s.Record.Takes.Where(filter.Keeps).OrderByDescending(t => t.Number).Select(t => Take(s, t, links))]))
            .Where(g => g.Takes.Count > 0)
            .ToList();
        var view = new DailiesView
        {
            Project = project.Plan.Project,
            SongTitle = project.Plan.Song.Title,
            WrittenAt = writtenAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            Filter = filter.Describe(),
            BoardLink = links.ToFile(boardFile),
            TakeCount = groups.Sum(g => g.Takes.Count),
            Groups = groups,
            Css = PageRenderer.Asset("review.css"),
            Script = PageRenderer.Asset("dailies.js"),
        };
        return PageRenderer.Render("dailies.liquid", view);
    }

    private static TakeView Take(SequenceSummary s, Take take, PageLinks links)
    {
        var previous = s.Record.Takes.Where(t => t.Number < take.Number).MaxBy(t => t.Number);
        var files = take.Files.Select(f => links.ToProjectFile(f.Path)).ToList();
        var status = SequenceReview.StatusOf(s.Record, take);
        return new TakeView
        {
            Sequence = s.Id,
            Number = take.Number,
            Stamp = TakeStamp.Of(take),
            Status = PageText.Status(status),
            RetakeReason = status == TakeReviewStatus.Retake ? take.RetakeReason ?? string.Empty : string.Empty,
            FirstFile = files.FirstOrDefault() ?? string.Empty,
            Files = string.Join('|', files),
            FileDurations = string.Join('|', take.Files.Select(f => PageText.Number(f.DurationS, 3))),
            FileCount = files.Count,
            DurationS = PageText.Number(take.Durations.Sum(d => double.Parse(d, CultureInfo.InvariantCulture)), 3),
            Mode = take.Mode == TakeMode.MultiShot ? "multi_shot" : "individual",
            Model = take.Model ?? string.Empty,
            Cost = PageText.Money(take.CostUsd),
            RunId = take.PassRunId is { } pass && pass != take.RunId ? $"{take.RunId} (pass {pass})" : take.RunId,
            StartedAt = PageText.Time(take.StartedAt),
            RequestIds = take.RequestIds,
            ElementsUsed = take.ElementsUsed,
            ElementsDropped = take.ElementsDropped,
            Shots = [.. take.ShotPrompts.Select((prompt, i) =>
            {
                var before = previous is null ? null : i < previous.ShotPrompts.Count ? previous.ShotPrompts[i] : string.Empty;
                var words = WordDiff.Mark(prompt, before);
                return new ShotView(
                    i < s.Plan.Shots.Count ? s.Plan.Shots[i].Id : $"shot{i + 1:00}",
                    i < take.Durations.Count ? take.Durations[i] + " s" : string.Empty,
                    words,
                    words.Any(w => w.Changed),
                    i < take.Prompts.Count ? take.Prompts[i].Source : string.Empty);
            })],
            Animated = take.AnimatedElements,
            NegativePrompt = take.NegativePrompt ?? string.Empty,
            NegativePromptSent = take.NegativePromptSent == true,
            Feedback = take.Feedback is { } f ? $"take {f.BaseTake}: {f.Text}" : string.Empty,
            Rationale = take.Feedback?.Rationale ?? string.Empty,
            History = [.. s.Record.History.Where(e => e.Take == take.Number).Select(e => new EventView(
                PageText.Action(e.Action), e.Text ?? string.Empty, e.Who, PageText.Time(e.At), e.Source ?? string.Empty))],
            Picture = Pictures.OfTake(s.Record, take, links),
        };
    }
}
