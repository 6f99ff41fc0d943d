using StarSend.Core.Errors;
using StarSend.Core.Executions;
using StarSend.Core.Sequences;
using StarSend.Core.Tests.Steps;
using StarSend.Core.Workflow;
using StarSend.Infrastructure.Gemini;

namespace StarSend.Core.Tests.Workflow;

/// <summary>
/// Issue #10, retry with feedback, against the emulator's Gemini: one structured text call rewrites the latest take's
/// prompts, kept before it is used, reused instead of paid again, and refused cleanly.
/// </summary>
public sealed class FeedbackTests
{
    private const string Feedback = "slower camera, keep her face still";
    private const string Id = "SEQ05";

    private static GeminiStructuredModel Model(StepHarness h) => new(h.Connections, h.GeminiOptions, h.Clock, 0.75m, 3.75m);

    private static async Task<ClientSequenceRunner> WithOneTakeAsync(StepHarness h)
    {
        var runner = h.Runner();
        await h.PickedAsync(runner, Id, new GridCell(0, 0));
        (await h.GenerateAsync(runner, Id)).Succeeded.Should().BeTrue();
        return runner;
    }

    private static Task<FeedbackStep> RewriteAsync(StepHarness h, ClientSequenceRunner runner, string feedback = Feedback, bool again = false) =>
        h.Clock.RunAsync(runner.RewriteWithFeedbackAsync(Id, feedback, Model(h), again, CancellationToken.None));

    private static Task<SequenceOutcome> GenerateWithFeedbackAsync(StepHarness h, ClientSequenceRunner runner, string feedback = Feedback) =>
        h.Clock.RunAsync(runner.GenerateAsync(Id, new GenerateRequest { Yes = true, Feedback = feedback }, null, CancellationToken.None));

    [Fact]
    public async Task Feedback_RewriteThenTake_PaysTheTextCallOnceAndTheTakeRecordsFeedbackRewriteAndCost()
    {
        await using var h = await StepHarness.StartAsync();
        var runner = await WithOneTakeAsync(h);
        var take1 = h.Sequence(Id).Takes[0];

        var first = await RewriteAsync(h, runner);
        var second = await RewriteAsync(h, h.Runner());

        first.Rewrite.Should().NotBeNull();
        first.Reused.Should().BeFalse();
        second.Reused.Should().BeTrue("a declined or dry-run rewrite is kept and reused for the same feedback on the same take");
        second.Rewrite!.ExecutionId.Should().Be(first.Rewrite!.ExecutionId);
        h.Stats.StructuredAnswers.Should().Be(1);
        var rewrite = h.Sequence(Id).Rewrites.Should().ContainSingle().Subject;
        rewrite.BaseTake.Should().Be(1);
        rewrite.Rationale.Should().Contain(Feedback).And.NotContain("\n");
        // The emulator rewrites each shot from the request: the take's own prompt followed by the feedback's words.
        rewrite.Prompts.Select(p => p.Prompt).Should().Equal(take1.Prompts.Select(p => $"{p.Prompt.TrimEnd('.')}; {Feedback}"));
        File.Exists(h.Paths.Full(rewrite.File)).Should().BeTrue();

        var outcome = await GenerateWithFeedbackAsync(h, h.Runner());

        outcome.Succeeded.Should().BeTrue(outcome.Message);
        var take2 = h.Sequence(Id).Takes[1];
        take2.Prompts.Should().OnlyContain(p => p.Source == "feedback").And.Equal(rewrite.Prompts);
        take2.ShotPrompts.Should().Equal(rewrite.Prompts.Select(p => p.Prompt), "what was sent is the rewrite");
        take2.Feedback.Should().Be(new TakeFeedback(Feedback, 1, 1, rewrite.Rationale, "gemini-3.8-flash", rewrite.ExecutionId, rewrite.CostUsd));
        take2.Feedback!.CostUsd.Should().BePositive().And.Be(h.Execution("SEQ05_feedback#1").CostUsd);
        h.Execution("SEQ05_feedback#1").Kind.Should().Be(ExecutionKind.Structured);
        h.Sequence(Id).CostUsd.Should().Be(h.ReadExecutions().Executions.Values.Sum(e => e.CostUsd), "the sequence's cost includes the text call, as the ledger does");
        var sent = h.ReadExecutions().Executions.Values.Where(e => e.StepId == Id).OrderBy(e => e.Attempt).Last().Request;
        sent.Should().Contain(Feedback);

        var rerun = await RewriteAsync(h, h.Runner());
        rerun.Outcome!.Message.Should().StartWith("already has take 2 made from this feedback");
        h.Stats.StructuredAnswers.Should().Be(1, "re-running the finished command pays for nothing");
        h.Stats.SubmitsAccepted.Should().Be(2);
    }

    [Fact]
    public async Task Feedback_PaidAnswerNotYetStored_IsNotOverwrittenByAnotherFeedback_AndIsReusedForItsOwn()
    {
        await using var h = await StepHarness.StartAsync();
        var runner = await WithOneTakeAsync(h);
        var a = await RewriteAsync(h, runner, "feedback A");
        var aFile = h.Paths.Full(a.Rewrite!.File);
        // A run killed after A's answer was paid and written, before sequences.json kept the rewrite.
        var state = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(h.Paths.SequencesFile))!;
        state["sequences"]![Id]!["rewrites"] = new System.Text.Json.Nodes.JsonArray();
        File.WriteAllText(h.Paths.SequencesFile, state.ToJsonString());

        var b = await RewriteAsync(h, h.Runner(), "feedback B");
        var again = await RewriteAsync(h, h.Runner(), "feedback A");

        h.Paths.Full(b.Rewrite!.File).Should().NotBe(aFile, "B's answer gets its own file; A's paid answer is not written over");
        again.Reused.Should().BeTrue("A's paid answer is found again");
        again.Rewrite!.Prompts.Should().OnlyContain(p => p.Prompt.EndsWith("feedback A", StringComparison.Ordinal), "the reused answer is A's, not B's");
        h.Stats.StructuredAnswers.Should().Be(2, "A once, B once");
    }

    [Fact]
    public async Task Feedback_FirstAnswerMissesAShot_AsksOnceMoreThenRefusesNamingTheSequenceWithNothingElsePaid()
    {
        await using var h = await StepHarness.StartAsync(faults: "gemini:schema-invalid@2");
        var runner = await WithOneTakeAsync(h);

        var retried = await RewriteAsync(h, runner);

        retried.Rewrite.Should().NotBeNull();
        h.Execution("SEQ05_feedback#1").Error.Should().Contain("$.shots: no prompt for shot05");
        retried.Rewrite!.CostUsd.Should().Be(h.Execution("SEQ05_feedback#1").CostUsd + h.Execution("SEQ05_feedback#2").CostUsd);

        await using var h2 = await StepHarness.StartAsync(faults: "gemini:schema-invalid@2-9");
        var runner2 = await WithOneTakeAsync(h2);
        var failed = await RewriteAsync(h2, runner2);

        failed.Outcome!.ExitCode.Should().Be(ExitCodes.ProviderFailed);
        failed.Outcome.Message.Should().StartWith("SEQ05").And.Contain("does not match the schema").And.NotContain("\n");
        h2.Sequence(Id).Rewrites.Should().BeEmpty();
        h2.Stats.StructuredAnswers.Should().Be(StarSend.Core.Steps.StepRunner.StructuredAttempts);
        h2.Stats.SubmitsAccepted.Should().Be(1, "only take 1");
    }

    [Theory]
    [InlineData("gemini:safety@2", "finishReason SAFETY")]
    [InlineData("gemini:blocked@2", "SAFETY")]
    public async Task Feedback_Refused_IsOneLineNamingTheSequenceAndNothingElseIsPaid(string faults, string reason)
    {
        await using var h = await StepHarness.StartAsync(faults: faults);
        var runner = await WithOneTakeAsync(h);

        var refused = await RewriteAsync(h, runner);

        refused.Outcome!.ExitCode.Should().Be(ExitCodes.ProviderFailed);
        refused.Outcome.Message.Should().StartWith("SEQ05: the feedback rewrite was refused").And.Contain(reason).And.EndWith("nothing else was paid").And.NotContain("\n");
        h.Sequence(Id).Rewrites.Should().BeEmpty();
        h.Sequence(Id).State.Should().Be(SequenceState.Review);
        h.Execution("SEQ05_feedback#1").Status.Should().Be(ExecutionStatus.Failed);
        h.ReadExecutions().Executions.Should().HaveCount(3, "grid, take 1 and the refused text call; no retry, no video");
        h.Stats.SubmitsAccepted.Should().Be(1);
    }

    [Fact]
    public async Task Feedback_TextModelGone_FailsWithGooglesNotFoundWhileTheImageModelStillWorks()
    {
        await using var h = await StepHarness.StartAsync(faults: "gemini:model-gone=gemini-3.8-flash");
        var runner = await WithOneTakeAsync(h);

        var gone = await RewriteAsync(h, runner);

        gone.Outcome!.ExitCode.Should().Be(ExitCodes.ProviderFailed);
        gone.Outcome.Message.Should().StartWith("SEQ05").And.Contain("gemini-3.8-flash").And.NotContain("\n");
        h.Sequence(Id).Grids.Should().ContainSingle("the rule names the text model only: the grid's image call was answered");
        h.Execution("SEQ05_feedback#1").CostUsd.Should().Be(0, "a 404 is not billed");
    }

    [Fact]
    public async Task Feedback_OverBudget_IsRefusedBeforeTheTextCallIsSent()
    {
        await using var h = await StepHarness.StartAsync();
        var runner = await WithOneTakeAsync(h);
        var spent = h.ReadExecutions().Executions.Values.Sum(e => e.CostUsd);
        var tight = h.Runner(h.Steps(o => o with { BudgetUsd = spent + 0.001m }));

        var refused = await RewriteAsync(h, tight);

        refused.Outcome!.ExitCode.Should().Be(ExitCodes.BudgetExceeded);
        refused.Outcome.Message.Should().Contain("SEQ05_feedback").And.Contain("budget");
        h.Requests("gemini").Should().Be(1, "only the grid");
    }

    [Fact]
    public async Task Feedback_RunKilledAfterPayingBeforeStoring_NextRunCollectsThePaidAnswerWithoutAskingAgain()
    {
        await using var h = await StepHarness.StartAsync();
        var runner = await WithOneTakeAsync(h);
        (await RewriteAsync(h, runner)).Rewrite.Should().NotBeNull();
        // As if the run died between the ledger's "complete" and the write to sequences.json.
        await new StarSend.Infrastructure.State.SequenceStore(h.Paths, TimeProvider.System).UpdateAsync(
            doc => doc with { Sequences = new(doc.Sequences, StringComparer.Ordinal) { [Id] = doc.Sequences[Id] with { Rewrites = [] } } },
            CancellationToken.None);

        var collected = await RewriteAsync(h, h.Runner());

        collected.Reused.Should().BeTrue();
        collected.Rewrite!.ExecutionId.Should().Be("SEQ05_feedback#1");
        h.Stats.StructuredAnswers.Should().Be(1, "the paid answer is collected from the ledger, not asked for again");
        (await GenerateWithFeedbackAsync(h, h.Runner())).Succeeded.Should().BeTrue();
        h.Sequence(Id).Takes[1].Feedback!.ExecutionId.Should().Be("SEQ05_feedback#1");
    }

    [Fact]
    public async Task Feedback_NoTakeYet_IsBadInputWithNothingSent()
    {
        await using var h = await StepHarness.StartAsync();
        var runner = h.Runner();
        await h.PickedAsync(runner, Id, new GridCell(0, 0));

        var act = () => runner.RewriteWithFeedbackAsync(Id, Feedback, Model(h), false, CancellationToken.None);

        (await act.Should().ThrowAsync<BadInputException>()).Which.Message.Should().StartWith("SEQ05 has no take yet");
        h.Requests("gemini").Should().Be(1);
    }
}
