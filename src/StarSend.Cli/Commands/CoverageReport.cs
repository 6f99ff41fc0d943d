using System.Globalization;
using StarSend.Cli.Output;
using StarSend.Core.Costs;
using StarSend.Core.Errors;
using StarSend.Core.Executions;
using StarSend.Core.Sequences;
using StarSend.Export.Timeline;

namespace StarSend.Cli.Commands;

/// <summary>
/// <c>status --coverage</c>: approved seconds per section against planned seconds, the song's gaps with timecodes (the
/// same edit <c>export timeline</c> writes), money spent so far and the estimate to finish (video at the price table's
/// prices for every sequence not yet approved: <see cref="PriceTable.ToFinish"/>, the board's figure too).
/// </summary>
internal static class CoverageReport
{
    public static async Task<int> WriteAsync(RunContext context, ProjectSession session, SequencesDocument sequences, ExecutionsDocument executions)
    {
        var plan = session.Plan;
        // From the document status already read: one read of sequences.json on the status path (#12).
        var omitted = OmittedSequences.Of(sequences);
        var edit = TimelineBuilder.Build(plan, sequences, omitted, context.Paths.Root, context.RunId);
        var rate = edit.Rate;
        var sections = plan.Sequences.GroupBy(s => s.Section).Select(g => new
        {
            Section = g.Key,
            // An omitted sequence is cut from the edit: left out of the planned seconds, as on the board (its gap is listed).
            PlannedS = g.Where(s => !omitted.Contains(s.Id) && !PlanExtras.Omitted(s) && sequences.Sequences.GetValueOrDefault(s.Id) is not { Omitted: true }).Sum(s => s.EndS - s.StartS),
            ApprovedS = rate.SecondsOf(edit.Clips.Where(c => c.Section == g.Key).Sum(c => c.Duration)),
        }).ToList();
        var spent = CostLedger.Of(executions, plan, sequences).Sum(e => e.SpentUsd);
        var settings = session.Settings;
        var prices = new PriceTable(settings);
        var toFinish = plan.Sequences.Sum(s => prices.ToFinish(s, sequences.Sequences.GetValueOrDefault(s.Id), omitted.Contains(s.Id) || PlanExtras.Omitted(s)));
        var gaps = edit.Gaps.Select(g => new { Start = rate.Timecode(g.Start), End = rate.Timecode(g.End), Seconds = rate.SecondsOf(g.Duration), g.Reason }).ToList();
        if (context.Json)
        {
            await JsonOutput.WriteAsync(context.Out, new { plan.Project, Fps = rate.PerSecond, Sections = sections, Gaps = gaps, SpentUsd = spent, ToFinishUsd = toFinish, settings.BudgetUsd });
            return ExitCodes.Ok;
        }

        await context.Out.WriteAsync(TextTable.Render(["SECTION", "PLANNED", "APPROVED", "COVERED"],
            sections.Select(s => (IReadOnlyList<string>)[s.Section, Seconds(s.PlannedS), Seconds(s.ApprovedS), s.PlannedS > 0 ? $"{s.ApprovedS / s.PlannedS:P0}" : "-"])));
        foreach (var gap in gaps)
        {
            await context.Out.WriteLineAsync($"gap {gap.Start}-{gap.End} ({Seconds(gap.Seconds)}): {gap.Reason}");
        }

        await context.Out.WriteLineAsync($"Spent {TextTable.Money(spent)}; about {TextTable.Money(toFinish)} to finish at the price table's prices{(settings.BudgetUsd is { } b ? $"; budget {TextTable.Money(b)}" : string.Empty)}");
        return ExitCodes.Ok;
    }

    private static string Seconds(double s) => string.Create(CultureInfo.InvariantCulture, $"{s:0.##} s");
}
