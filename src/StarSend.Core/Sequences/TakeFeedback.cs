namespace StarSend.Core.Sequences;

/// <summary>
/// On a take made with <c>generate --feedback</c>: the feedback, which rewrite of which take it used, the rewrite's
/// rationale, and the text call's model, execution id and cost in US dollars (not part of the take's video cost).
/// The rewritten prompts themselves are the take's <c>prompts</c> (source <c>feedback</c>).
/// </summary>
public sealed record TakeFeedback(string Text, int Rewrite, int BaseTake, string Rationale, string Model, string ExecutionId, decimal CostUsd)
{
    public static TakeFeedback From(PromptRewrite rewrite) =>
        new(rewrite.Feedback, rewrite.Number, rewrite.BaseTake, rewrite.Rationale, rewrite.Model, rewrite.ExecutionId, rewrite.CostUsd);
}
