using StarSend.Core.Errors;
using StarSend.Core.Plans;
using StarSend.Core.Providers;
using StarSend.Core.Sequences;

namespace StarSend.Core.Workflow;

public sealed partial class ClientSequenceRunner
{
    /// <summary>
    /// The first half of <c>generate SEQ --feedback TEXT</c> (issue #10): one structured Gemini text call that rewrites
    /// the latest take's shot prompts from <paramref name="feedback"/>, answered against <see cref="FeedbackSchema"/>
    /// (validated, asked once more when it does not match, then refused naming the sequence). The decision to pay is
    /// taken under the sequence's lease on state read after it is held; the call is an intent in the execution ledger
    /// (budget checked) before it is sent, and its answer is kept on the sequence (<c>rewrites</c>) before anything is
    /// shown, so a declined confirmation, a <c>--dry-run</c> or a crash before the video is submitted never pays for it
    /// again: an unused rewrite of the same feedback for the same latest take is reused. A latest take already made
    /// from this feedback is skipped unless <paramref name="again"/>. A content refusal is one line; nothing else is paid.
    /// </summary>
    public async Task<FeedbackStep> RewriteWithFeedbackAsync(string id, string feedback, IStructuredModel model, bool again, CancellationToken cancellationToken)
    {
        var sequence = Sequence(id);
        var text = FeedbackText(id, feedback);
        if (FeedbackStop(await GetAsync(id, cancellationToken), text, again) is { } stop)
        {
            return stop;
        }

        await using var lease = await leases.AcquireAsync(id, $"starsend generate --feedback (run {runId})", cancellationToken);
        var record = await GetAsync(id, cancellationToken);
        if (FeedbackStop(record, text, again) is { } stopMeanwhile)
        {
            return stopMeanwhile;
        }

        if (UnusedRewrite(record, text) is { } kept)
        {
            log.Information("{SequenceId}: using feedback rewrite {Rewrite} of take {Take}, paid earlier (run {RunId}); nothing is asked again", id, kept.Number, kept.BaseTake, kept.RunId);
            return new FeedbackStep(kept, Reused: true, null);
        }

        var latest = record.Takes[^1];
        var basePrompts = PromptsOfTake(sequence, latest);
        var shotIds = sequence.Shots.Select(s => s.Id).ToList();
        var pass = PassOfTake(record);
        using var scope = PassScope(pass);
        var question = new StructuredQuestion
        {
            Model = settings.AnalysisModel,
            Instruction = FeedbackSchema.Instruction,
            Text = FeedbackSchema.Question(id, latest.Number, text, basePrompts),
            JsonSchema = FeedbackSchema.Json(shotIds),
        };
        var number = record.Rewrites.Count + 1;
        var output = FreshPath(MediaPath(paths.VideosDir, pass, $"{id}_feedback{number:00}.json"));
        var claimed = record.Rewrites.Select(r => r.ExecutionId).ToHashSet(StringComparer.Ordinal);
        log.Information("{SequenceId}: asking {Model} to rewrite take {Take}'s prompts from the feedback", id, settings.AnalysisModel, latest.Number);
        try
        {
            var result = await steps.ExecuteStructured(
                $"{id}_feedback", runId, model, question, output, Settings.SettingsDefaults.FeedbackEstimateUsd, json => FeedbackSchema.Check(json, shotIds), claimed, cancellationToken);
            var (prompts, rationale) = FeedbackSchema.Read(result.Json, latest.Number, basePrompts);
            var rewrite = new PromptRewrite
            {
                Number = number,
                RunId = runId,
                BaseTake = latest.Number,
                Feedback = text,
                Prompts = prompts,
                Rationale = rationale,
                Model = result.Model,
                ExecutionId = result.ExecutionId,
                CostUsd = result.CostUsd,
                File = paths.Relative(result.File),
                CreatedAt = time.GetUtcNow(),
            };
            await UpdateAsync(id, r => r with { Rewrites = [.. r.Rewrites, rewrite], LastError = null });
            log.Information("{SequenceId}: feedback rewrite {Rewrite} of take {Take} by {Model} (${Cost}): {Rationale}", id, number, latest.Number, result.Model, result.CostUsd, rationale);
            return new FeedbackStep(rewrite, Reused: result.Resumed, null);
        }
        catch (StarSendException ex)
        {
            var message = ex is ProviderException { Kind: ProviderErrorKind.ContentPolicy }
                ? $"{id}: the feedback rewrite was refused: {ex.Message}; nothing else was paid"
                : ex.Message.StartsWith(id, StringComparison.Ordinal) ? ex.Message : $"{id}: feedback rewrite: {ex.Message}";
            log.Error("{SequenceId}: {Message}", id, message);
            record = await UpdateAsync(id, r => r with { LastError = message });
            return new FeedbackStep(null, false, new SequenceOutcome(id, ex.ExitCode, record.State, message, 0));
        }
    }

    /// <summary>The stored rewrite of <paramref name="feedback"/> for the sequence's latest take that no take records yet; null if none.</summary>
    internal static PromptRewrite? UnusedRewrite(SequenceRecord record, string feedback)
    {
        if (record.Takes.Count == 0)
        {
            return null;
        }

        var latest = record.Takes[^1].Number;
        return record.Rewrites.LastOrDefault(r =>
            r.BaseTake == latest
            && string.Equals(r.Feedback, feedback.Trim(), StringComparison.Ordinal)
            && !record.Takes.Any(t => t.Feedback?.Rewrite == r.Number));
    }

    /// <summary>A take's prompts by shot id: those it recorded, else its shot_prompts in shot order (takes from before issue #10).</summary>
    internal static List<TakePrompt> PromptsOfTake(PlanSequence sequence, Take take) =>
        take.Prompts.Count > 0
            ? take.Prompts
            : [.. take.ShotPrompts.Select((p, i) => new TakePrompt(i < sequence.Shots.Count ? sequence.Shots[i].Id : $"#{i + 1}", p, "plan"))];

    private static string FeedbackText(string id, string feedback)
    {
        var text = feedback.Trim();
        if (text.Length == 0)
        {
            throw new BadInputException($"{id}: --feedback is empty; say what should be different, e.g. --feedback \"slower camera, keep her face still\"");
        }

        return text.Length > FeedbackSchema.MaxFeedback
            ? throw new BadInputException($"{id}: --feedback is {text.Length} characters; at most {FeedbackSchema.MaxFeedback}")
            : text;
    }

    /// <summary>Why no rewrite is asked for: a take already started resumes, a take already made from this feedback is skipped; refuses a sequence with no take or not in a state to generate.</summary>
    private FeedbackStep? FeedbackStop(SequenceRecord record, string text, bool again)
    {
        if (record is { State: SequenceState.Generating, Pending: { } pending })
        {
            if (pending.Feedback?.Text != text)
            {
                log.Warning("{SequenceId}: take {Take} was started and is resumed with the prompts it was started with; the feedback applies to the next take", record.Id, pending.Number);
            }

            return new FeedbackStep(null, false, null);
        }

        if (record.Takes.Count == 0)
        {
            throw new BadInputException($"{record.Id} has no take yet: --feedback rewrites the latest take's prompts; generate a take first (starsend generate {record.Id})");
        }

        SequenceWorkflow.Ensure(record, SequenceCommand.Generate);
        var latest = record.Takes[^1];
        return !again && latest.Feedback?.Text == text && UnusedRewrite(record, text) is null
            ? new FeedbackStep(null, false, new SequenceOutcome(record.Id, ExitCodes.Ok, record.State, $"already has take {latest.Number} made from this feedback; not generated again (--again rewrites take {latest.Number}'s prompts with it once more)", 0))
            : null;
    }
}
