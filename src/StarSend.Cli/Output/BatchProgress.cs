using StarSend.Cli.Logging;
using StarSend.Core.Steps;
using StarSend.Core.Workflow;

namespace StarSend.Cli.Output;

/// <summary>
/// Runs a batch command's operation over its sequences with the one progress view every long command uses (grid,
/// generate, and those to come): live on a terminal, plain lines when piped, nothing extra with --json; every change
/// goes to the log too. The operation reports <see cref="StepProgress"/> events; its outcome ends the sequence's rows.
/// </summary>
internal static class BatchProgress
{
    /// <param name="context">The run (output mode, clock, log).</param>
    /// <param name="ids">The sequences, in plan order.</param>
    /// <param name="estimate">Jobs and cost foreseen, for the footer (<see cref="BatchEstimate.None"/> when unknown).</param>
    /// <param name="sequenceConcurrency">How many sequences run at once.</param>
    /// <param name="jobConcurrency">How many paid jobs run at once (the time-left estimate divides by it).</param>
    /// <param name="operation">One sequence's work, reporting to the progress it is given.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    public static async Task<IReadOnlyList<SequenceOutcome>> RunAsync(
        RunContext context,
        IReadOnlyList<string> ids,
        BatchEstimate estimate,
        int sequenceConcurrency,
        int jobConcurrency,
        Func<string, IProgress<StepProgress>, CancellationToken, Task<SequenceOutcome>> operation,
        CancellationToken cancellationToken)
    {
        var reported = context.Log.ForContext(RunLogging.ReportedProperty, true);

        void Unexpected(string id, Exception ex) => reported.Error(ex, "Unexpected failure of {SequenceId}", id);

        return await WatchAsync(context, estimate, jobConcurrency, reporter => BatchRunner.RunAsync(
            ids,
            sequenceConcurrency,
            async (id, token) =>
            {
                // The single-sequence batch turns whatever the operation throws into its outcome, as the outer batch would.
                var outcome = (await BatchRunner.RunAsync([id], 1, (one, t) => operation(one, reporter, t), token, Unexpected))[0];
                reporter.Finish(outcome);
                return outcome;
            },
            cancellationToken,
            Unexpected));
    }

    /// <summary>
    /// The same view for a command that drives its sequences itself (<c>run</c>): <paramref name="work"/> reports to the
    /// reporter it is given and calls <see cref="BoardReporter.Finish"/> when a sequence ends.
    /// </summary>
    public static async Task<T> WatchAsync<T>(RunContext context, BatchEstimate estimate, int jobConcurrency, Func<BoardReporter, Task<T>> work)
    {
        var board = new ProgressBoard(context.Time, estimate, jobConcurrency);
        var live = !context.Json && context.Host.IsTerminal && !Console.IsErrorRedirected && ReferenceEquals(context.Host.Error, Console.Error);
        var lines = context.Json || live ? null : new ProgressLines(context.Error, board);
        var reporter = new BoardReporter(board, context.Log.ForContext(RunLogging.ReportedProperty, true), lines);
        return live ? await LiveProgressView.RunAsync(context, board, () => work(reporter)) : await work(reporter);
    }
}
