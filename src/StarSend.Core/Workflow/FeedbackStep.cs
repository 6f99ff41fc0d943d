using StarSend.Core.Sequences;

namespace StarSend.Core.Workflow;

/// <summary>
/// What <see cref="ClientSequenceRunner.RewriteWithFeedbackAsync"/> came to: a rewrite to show and confirm (paid now,
/// or <see cref="Reused"/> from an earlier run), or an <see cref="Outcome"/> that ends the command (skipped, refused,
/// failed), or neither: a take already started is resumed with the prompts it was started with.
/// </summary>
public sealed record FeedbackStep(PromptRewrite? Rewrite, bool Reused, SequenceOutcome? Outcome);
