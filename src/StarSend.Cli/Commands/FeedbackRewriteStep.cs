using System.Text;
using StarSend.Core.Errors;
using StarSend.Core.Sequences;
using StarSend.Core.Workflow;

namespace StarSend.Cli.Commands;

/// <summary>
/// <c>generate SEQ --feedback TEXT</c> before the take (issue #10): pays for (or reuses) the rewrite of the latest take's
/// prompts, shows it on stderr before anything else is paid, and asks to confirm (<c>--yes</c> in scripts). A declined or
/// unanswerable confirmation is exit 2; the rewrite is kept, so the same command with <c>--yes</c> does not pay for it again.
/// </summary>
internal static class FeedbackRewriteStep
{
    /// <summary>What the command does next: stop with <see cref="Stop"/>, or generate with <see cref="Request"/>; <see cref="CostUsd"/> is what the text call cost this run.</summary>
    public sealed record Result(SequenceOutcome? Stop, GenerateRequest Request, decimal CostUsd);

    public static async Task<Result> RunAsync(RunContext context, ProjectSession session, ClientSequenceRunner csr, string id, GenerateRequest request, CancellationToken cancellationToken)
    {
        var step = await csr.RewriteWithFeedbackAsync(id, request.Feedback!, session.CreateStructuredModel(), request.Again, cancellationToken);
        if (step.Outcome is not null)
        {
            return new Result(step.Outcome, request, 0);
        }

        if (step.Rewrite is not { } rewrite)
        {
            // A take already started is resumed with the prompts it was started with.
            return new Result(null, request with { Feedback = null }, 0);
        }

        var cost = step.Reused ? 0 : rewrite.CostUsd;
        await context.Error.WriteAsync(Describe(id, rewrite, step.Reused));
        if (request.DryRun || request.Yes)
        {
            return new Result(null, request, cost);
        }

        var question = $"{id}: generate a take with these prompts?";
        if (request.Confirm is null)
        {
            throw new BadInputException($"{id}: the rewrite (rewrite {rewrite.Number}) is kept; re-run with --yes to generate a take with it (it is not paid for again)");
        }

        return request.Confirm(question)
            ? new Result(null, request, cost)
            : throw new BadInputException($"{id}: not generated (rewrite {rewrite.Number} not confirmed; it is kept, and the same command with --yes uses it without paying for it again)");
    }

    /// <summary>The rewrite as shown before the take is paid: its cost, every shot's prompt with its source, the rationale.</summary>
    public static string Describe(string id, PromptRewrite rewrite, bool reused)
    {
        var text = new StringBuilder();
        var paid = reused ? "paid earlier, not asked again" : "paid now";
        text.AppendLine($"{id}: feedback \"{rewrite.Feedback}\" on take {rewrite.BaseTake} -> rewrite {rewrite.Number} by {rewrite.Model} (${rewrite.CostUsd:0.0000}, {paid}):");
        foreach (var prompt in rewrite.Prompts)
        {
            text.AppendLine($"  {prompt.Shot} ({prompt.Source}): {prompt.Prompt}");
        }

        text.AppendLine($"  rationale: {rewrite.Rationale}");
        return text.ToString();
    }
}
