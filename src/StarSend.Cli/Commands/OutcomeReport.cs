using StarSend.Cli.Output;
using StarSend.Core.Sequences;
using StarSend.Core.Workflow;

namespace StarSend.Cli.Commands;

/// <summary>
/// The summary a batch command prints: each sequence's outcome, the totals, and one line of what to do next
/// (<see cref="NextStep"/>); the exit code is the worst outcome's.
/// </summary>
internal static class OutcomeReport
{
    /// <param name="context">The run.</param>
    /// <param name="outcomes">Every sequence's outcome.</param>
    /// <param name="command">The batch's verb (<c>grid</c>, <c>generate</c>) for the next-step line; null for none (a dry run).</param>
    /// <param name="sequences">The project's sequences.json as it is after the batch, for the next-step line.</param>
    public static async Task<int> WriteAsync(RunContext context, IReadOnlyList<SequenceOutcome> outcomes, string? command = null, SequencesDocument? sequences = null)
    {
        var exitCode = BatchRunner.ExitCodeOf(outcomes);
        var states = sequences?.Sequences.ToDictionary(s => s.Key, s => s.Value.State, StringComparer.Ordinal) ?? [];
        // A sequence refused before it was read (an illegal state, a key missing) has no state in its outcome: show the
        // one sequences.json holds after the batch, not not_started.
        outcomes = [.. outcomes.Select(o => states.TryGetValue(o.SequenceId, out var state) ? o with { State = state } : o)];
        var next = command is null ? null : NextStep.Line(context.Paths.Root, command, outcomes, states);
        if (context.Json)
        {
            await JsonOutput.WriteAsync(context.Out, new { RunId = context.RunId, ExitCode = exitCode, Outcomes = outcomes, Next = next });
            return exitCode;
        }

        var rows = outcomes.Select(o => (IReadOnlyList<string>)[o.SequenceId, o.Succeeded ? "ok" : $"failed ({o.ExitCode})", StateText(o), TextTable.Money(o.CostUsd), o.Message]);
        await context.Out.WriteAsync(TextTable.Render(["SEQ", "RESULT", "STATE", "COST", "DETAIL"], rows));
        var failed = outcomes.Count(o => !o.Succeeded);
        await context.Out.WriteLineAsync($"{outcomes.Count - failed} of {outcomes.Count} done, cost {TextTable.Money(outcomes.Sum(o => o.CostUsd))} (run {context.RunId})");
        if (next is not null)
        {
            await context.Out.WriteLineAsync(next);
        }

        return exitCode;
    }

    private static string StateText(SequenceOutcome o) => StarSend.Core.Sequences.SequenceWorkflow.StateName(o.State);
}
