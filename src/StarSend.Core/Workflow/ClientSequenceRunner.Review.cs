using StarSend.Core.Errors;
using StarSend.Core.Sequences;

namespace StarSend.Core.Workflow;

public sealed partial class ClientSequenceRunner
{
    /// <summary>
    /// Applies one review decision (approve, retake, hold, note, final, undo_approve, omit, restore) to sequence
    /// <paramref name="id"/> and keeps it in the sequence's history, stamped with <paramref name="who"/>, now and this run.
    /// Refused before the lock is taken when it is not legal; a refused decision writes nothing.
    /// </summary>
    /// <exception cref="BadInputException">Unknown sequence or take, missing reason/text, or an approve whose video is missing or broken.</exception>
    /// <exception cref="IllegalTransitionException">Not legal in the sequence's state.</exception>
    public async Task<SequenceRecord> ReviewAsync(string id, ReviewDecision decision, string who, CancellationToken cancellationToken)
    {
        Sequence(id);
        // Decisions that move the workflow (approve, final, undo) hold the sequence's lease like 'approve' does, and
        // are checked on state read after it is held; notes, retakes, holds and omits only annotate.
        await using var lease = MovesWorkflow(decision.Action)
            ? await leases.AcquireAsync(id, $"starsend review ({Name(decision.Action)}, run {runId})", cancellationToken)
            : null;
        var record = await GetAsync(id, cancellationToken);
        var stamp = Stamp(who, null);
        SequenceReview.Decide(record, decision, stamp);
        CheckApprovable(record, decision);
        return await UpdateAsync(id, r => SequenceReview.Decide(r, decision, stamp));
    }

    /// <summary>
    /// Applies every decision in one atomic update of sequences.json: all of them, in order, or none (the first that
    /// does not apply to the latest state throws and nothing is written).
    /// </summary>
    /// <param name="decisions">Sequence id and decision pairs, already checked by the caller for the file's own problems.</param>
    /// <param name="who">The producer importing them.</param>
    /// <param name="source">Where they came from (file name and the reviewer it names), kept on each history entry.</param>
    /// <param name="cancellationToken">Cancels before the update starts; the update itself always lands.</param>
    public async Task<IReadOnlyDictionary<string, SequenceRecord>> ApplyDecisionsAsync(
        IReadOnlyList<(string Sequence, ReviewDecision Decision)> decisions, string who, string source, CancellationToken cancellationToken)
    {
        var stamp = Stamp(who, source);
        var held = new List<IAsyncDisposable>();
        try
        {
            foreach (var sequence in decisions.Where(d => MovesWorkflow(d.Decision.Action)).Select(d => d.Sequence).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                held.Add(await leases.AcquireAsync(Sequence(sequence).Id, $"starsend review import (run {runId})", cancellationToken));
            }

            return await ApplyHeldAsync(decisions, stamp, cancellationToken);
        }
        finally
        {
            foreach (var lease in held)
            {
                await lease.DisposeAsync();
            }
        }
    }

    private async Task<IReadOnlyDictionary<string, SequenceRecord>> ApplyHeldAsync(
        IReadOnlyList<(string Sequence, ReviewDecision Decision)> decisions, ReviewStamp stamp, CancellationToken cancellationToken)
    {
        var before = await store.ReadAsync(cancellationToken);
        foreach (var (sequence, decision) in decisions)
        {
            Sequence(sequence);
            if (before.Sequences.TryGetValue(sequence, out var record))
            {
                CheckApprovable(record, decision);
            }
        }

        Dictionary<string, SequenceRecord> changed = new(StringComparer.Ordinal);
        await store.UpdateAsync(
            doc =>
            {
                changed.Clear();
                var now = time.GetUtcNow();
                foreach (var (sequence, decision) in decisions)
                {
                    var current = changed.TryGetValue(sequence, out var c) ? c
                        : doc.Sequences.TryGetValue(sequence, out var r) ? r : new SequenceRecord { Id = sequence };
                    changed[sequence] = SequenceReview.Decide(current, decision, stamp) with { UpdatedAt = now };
                }

                var all = new Dictionary<string, SequenceRecord>(doc.Sequences, StringComparer.Ordinal);
                foreach (var (sequence, record) in changed)
                {
                    all[sequence] = record;
                }

                return doc with { Sequences = all };
            },
            CancellationToken.None);
        return changed;
    }

    private ReviewStamp Stamp(string who, string? source) => new(who, time.GetUtcNow(), runId, source);

    private static bool MovesWorkflow(ReviewAction action) => action is ReviewAction.Approve or ReviewAction.Final or ReviewAction.UndoApprove;

    private static string Name(ReviewAction action) => System.Text.Json.JsonSerializer.Serialize(action).Trim('"');

    /// <summary>An approve needs the take's files on disk and valid, as <c>approve --take</c> does.</summary>
    private void CheckApprovable(SequenceRecord record, ReviewDecision decision)
    {
        if (decision.Action != ReviewAction.Approve || record.Takes.FirstOrDefault(t => t.Number == decision.Take) is not { } take)
        {
            return;
        }

        foreach (var file in take.Files)
        {
            var problem = CheckVideo(file);
            if (problem is not null)
            {
                throw new BadInputException($"{record.Id} take {take.Number}: {problem}; run 'starsend reconcile'");
            }
        }
    }
}
