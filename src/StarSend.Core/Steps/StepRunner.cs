using Serilog;
using StarSend.Core.Errors;
using StarSend.Core.Executions;
using StarSend.Core.Providers;

namespace StarSend.Core.Steps;

/// <summary>
/// The shared primitives: keyframes, single videos and multi-shot videos. Every paid call is recorded in the
/// ExecutionStore before it is paid (an intent), then its request id the moment it is known, then its outcome,
/// so a crashed or interrupted run resumes the job it paid for instead of paying again. Knows nothing of sequences.
/// </summary>
public sealed partial class StepRunner : IDisposable
{
    private readonly IExecutionStore _store;
    private readonly IVideoProvider _video;
    private readonly IImageProvider _images;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly StepRunnerOptions _options;
    private readonly UploadCache _uploads;
    private readonly SemaphoreSlim _jobSlots;
    private string? _blockedBy;

    /// <summary>Models found gone (404/410, deprecation) in this run, with why: later calls skip them without a request.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _goneModels = new(StringComparer.OrdinalIgnoreCase);

    public StepRunner(IExecutionStore store, IVideoProvider video, IImageProvider images, TimeProvider time, ILogger log, StepRunnerOptions options)
    {
        _store = store;
        _video = video;
        _images = images;
        _time = time;
        _log = log;
        _options = options;
        _uploads = new UploadCache(store, video, time, options.UploadReuse);
        _jobSlots = new SemaphoreSlim(Math.Max(1, options.JobConcurrency));
    }

    public StepRunnerOptions Options => _options;

    /// <summary>Every execution of a step, oldest attempt first.</summary>
    public async Task<IReadOnlyList<ExecutionRecord>> FindAsync(string stepId, CancellationToken cancellationToken)
    {
        var doc = await _store.ReadAsync(cancellationToken);
        return [.. doc.Executions.Values.Where(e => e.StepId == stepId).OrderBy(e => e.Attempt)];
    }

    public async Task<IReadOnlyList<ExecutionRecord>> FindAllAsync(CancellationToken cancellationToken) =>
        [.. (await _store.ReadAsync(cancellationToken)).Executions.Values.OrderBy(e => e.CreatedAt)];

    /// <summary>What the project has spent or committed: finished calls at their cost, calls in flight at their estimate.</summary>
    /// <remarks>A call that failed without being billed has its cost set to zero when it fails.</remarks>
    public static decimal Committed(ExecutionsDocument doc) => doc.Executions.Values.Sum(e => e.ChargedUsd);

    /// <summary>
    /// Checks a per-shot take as a whole before its first call is sent: what the project has committed plus every new
    /// call of the take (US dollars each, by step id) against the budget, so a take the budget cannot finish sends
    /// nothing instead of paying for the shots that fit. Calls that resume or reuse a paid job are not new: leave them out.
    /// </summary>
    /// <exception cref="BudgetExceededException">The take would pass the budget; names the sequence, the calls and the sums.</exception>
    public async Task CheckTakeBudgetAsync(string sequenceId, IReadOnlyList<(string StepId, decimal EstimateUsd)> newCalls, CancellationToken cancellationToken)
    {
        if (_options.BudgetUsd is not { } budget || newCalls.Count == 0)
        {
            return;
        }

        var committed = Committed(await _store.ReadAsync(cancellationToken));
        var take = newCalls.Sum(c => c.EstimateUsd);
        if (committed + take > budget)
        {
            throw new BudgetExceededException(
                $"{sequenceId}: this take ({newCalls.Count} calls, ~${take:0.00}) would take the project to ${committed + take:0.00}, past its budget of ${budget:0.00}; nothing was sent");
        }
    }

    public void Dispose() => _jobSlots.Dispose();

    private Task<ExecutionRecord> SaveAsync(ExecutionRecord record) =>
        SaveAsync(record, _ => { });

    /// <summary>Saves a record; never cancelled, because a paid call's record must reach the disk.</summary>
    private async Task<ExecutionRecord> SaveAsync(ExecutionRecord record, Action<ExecutionsDocument> check)
    {
        await _store.UpdateAsync(
            doc =>
            {
                check(doc);
                return doc with { Executions = new(doc.Executions, StringComparer.Ordinal) { [record.Id] = record } };
            },
            CancellationToken.None);
        return record;
    }

    /// <summary>
    /// Records an intent for a new attempt of <paramref name="stepId"/>, refusing it if it would pass the budget; a fallback's
    /// intent names the models passed over before it (<paramref name="skipped"/>), written down before it is sent.
    /// </summary>
    private async Task<ExecutionRecord> RecordIntentAsync(
        string stepId, ExecutionKind kind, string runId, string fingerprint, string model, string request, decimal estimate, CancellationToken cancellationToken,
        IReadOnlyList<ModelSkip>? skipped = null)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ExecutionRecord? saved = null;
        await _store.UpdateAsync(
            doc =>
            {
                var attempt = doc.Executions.Values.Where(e => e.StepId == stepId).Select(e => e.Attempt).DefaultIfEmpty(0).Max() + 1;
                CheckBudget(stepId, doc, estimate);
                saved = new ExecutionRecord
                {
                    Id = $"{stepId}#{attempt}",
                    StepId = stepId,
                    Attempt = attempt,
                    Kind = kind,
                    Status = ExecutionStatus.Intent,
                    RunId = runId,
                    PassRunId = OutputRun.Current,
                    Fingerprint = fingerprint,
                    Model = model,
                    Request = request,
                    CostUsd = estimate,
                    SkippedModels = skipped is { Count: > 0 } ? [.. skipped] : null,
                    CreatedAt = _time.GetUtcNow(),
                };
                return doc with { Executions = new(doc.Executions, StringComparer.Ordinal) { [saved.Id] = saved } };
            },
            CancellationToken.None);
        return saved!;
    }

    private void CheckBudget(string stepId, ExecutionsDocument doc, decimal estimate)
    {
        if (_options.BudgetUsd is { } budget && Committed(doc) + estimate > budget)
        {
            throw new BudgetExceededException(
                $"{stepId}: this call (~${estimate:0.00}) would take the project to ${Committed(doc) + estimate:0.00}, past its budget of ${budget:0.00}; nothing was sent");
        }
    }

    private static bool IsUnfinished(ExecutionRecord e) =>
        e.Status is ExecutionStatus.Intent or ExecutionStatus.Submitted or ExecutionStatus.SubmissionUnknown;
}
