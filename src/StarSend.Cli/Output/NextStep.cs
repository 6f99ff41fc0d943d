using StarSend.Core.Errors;
using StarSend.Core.Sequences;
using StarSend.Core.Workflow;

namespace StarSend.Cli.Output;

/// <summary>
/// The one line that ends a batch's report: the review pages to open (when they exist in the project), the sequences
/// that need a pick or a grid first, and the command that resumes what failed.
/// </summary>
internal static class NextStep
{
    /// <summary>The review pages, relative to the project, in the order a producer opens them.</summary>
    public static readonly string[] ReviewPages = ["review/board.html", "review/dailies.html"];

    /// <param name="projectRoot">The project folder (where the review pages would be).</param>
    /// <param name="command">The batch's verb, for the resume command.</param>
    /// <param name="outcomes">Every sequence's outcome.</param>
    /// <param name="states">Each sequence's state as sequences.json has it now (an outcome made from an error does not know it).</param>
    public static string Line(string projectRoot, string command, IReadOnlyList<SequenceOutcome> outcomes, IReadOnlyDictionary<string, SequenceState> states)
    {
        SequenceState StateOf(SequenceOutcome o) => states.TryGetValue(o.SequenceId, out var state) ? state : SequenceState.NotStarted;
        var parts = new List<string>();
        var pages = ReviewPages.Where(p => File.Exists(Path.Combine(projectRoot, p))).ToList();
        if (pages.Count > 0)
        {
            parts.Add($"open {string.Join(" and ", pages)}");
        }

        var needGrid = Ids(outcomes.Where(o => StateOf(o) == SequenceState.NotStarted && o.ExitCode == ExitCodes.IllegalState));
        if (needGrid.Length > 0)
        {
            parts.Add($"draw a grid first: starsend grid {needGrid}");
        }

        var needPick = Ids(outcomes.Where(o => StateOf(o) == SequenceState.GridReview));
        if (needPick.Length > 0)
        {
            parts.Add($"pick a cell for {needPick} (starsend pick SEQ CELL)");
        }

        if (command == "generate" && pages.Count == 0 && outcomes.Any(o => o.Succeeded && StateOf(o) == SequenceState.Review))
        {
            parts.Add("review the takes in media/videos, then starsend approve SEQ --take N");
        }

        var resume = Ids(outcomes.Where(o => !o.Succeeded && o.ExitCode != ExitCodes.IllegalState && o.ExitCode != ExitCodes.BadInput));
        if (resume.Length > 0)
        {
            parts.Add($"resume what failed: starsend {command} {resume}");
        }

        return parts.Count == 0 ? "Next: nothing left for this batch; starsend status shows the project" : $"Next: {string.Join("; ", parts)}";
    }

    private static string Ids(IEnumerable<SequenceOutcome> outcomes) => string.Join(' ', outcomes.Select(o => o.SequenceId));
}
