using StarSend.Core.Errors;
using StarSend.Core.Executions;
using StarSend.Core.Sequences;
using StarSend.Core.Settings;
using StarSend.Core.Tests.Steps;
using StarSend.Core.Workflow;

namespace StarSend.Core.Tests.Workflow;

/// <summary>
/// Fallback models (seed 002, issue #10) against the emulator over loopback: a gone model is skipped and the next one
/// paid at its own rate, recorded on the execution, the grid and the take; a content refusal never falls back; the
/// budget covers the fallback before it is sent; a pinned <c>--model</c> does not fall back.
/// </summary>
public sealed class FallbackModelTests
{
    private const string Pro = "fal-ai/kling-video/o3/pro/reference-to-video";
    private const string Standard = "fal-ai/kling-video/o3/standard/reference-to-video";
    private const string FlashImage = "gemini-3.1-flash-image-preview";
    private const string ProImage = "gemini-3-pro-image-preview";

    [Theory]
    [InlineData("model-gone", 404)]
    [InlineData("model-deprecated", 410)]
    public async Task Generate_FirstVideoModelGone_SkipsItAndPaysTheNextAtItsOwnRate(string fault, int status)
    {
        await using var h = await StepHarness.StartAsync($"submit:{fault}={Pro}");
        h.Settings = Chain(Pro, Standard);
        var steps = h.Steps();
        await h.PickedAsync(h.Runner(steps), "SEQ01", new GridCell(0, 0));
        await h.PickedAsync(h.Runner(steps), "SEQ12", new GridCell(0, 1));

        var first = await h.GenerateAsync(h.Runner(steps), "SEQ01");
        var second = await h.GenerateAsync(h.Runner(steps), "SEQ12");

        first.Succeeded.Should().BeTrue(first.Message);
        second.Succeeded.Should().BeTrue(second.Message);
        var take = h.Sequence("SEQ01").Takes.Should().ContainSingle().Subject;
        take.Model.Should().Be(Standard);
        take.CostUsd.Should().Be(12 * 0.084m, "SEQ01 is 12 s, priced at the fallback's rate, not the first model's 0.112");
        take.ExecutionIds.Should().Equal("SEQ01#2");
        var skip = take.SkippedModels.Should().ContainSingle().Subject;
        (skip.Model, skip.ExecutionId).Should().Be((Pro, "SEQ01#1"));
        skip.Reason.Should().StartWith($"gone (HTTP {status}): fal.ai submit for {Pro} answered HTTP {status}");
        var refused = h.Execution("SEQ01#1");
        (refused.Model, refused.Status, refused.CostUsd).Should().Be((Pro, ExecutionStatus.Failed, 0m));
        var paid = h.Execution("SEQ01#2");
        paid.Model.Should().Be(Standard);
        paid.SkippedModels.Should().ContainSingle().Which.Model.Should().Be(Pro, "the skip is written with the fallback's intent, before it is sent");

        // The second sequence of the run does not ask the gone model again, and says why it skipped it.
        var later = h.Sequence("SEQ12").Takes.Should().ContainSingle().Subject;
        later.Model.Should().Be(Standard);
        later.SkippedModels.Should().ContainSingle().Which.Reason.Should().Contain("found earlier in this run");
        h.ReadExecutions().Executions.Keys.Should().NotContain("SEQ12#2", "SEQ12's first intent went straight to the fallback");
        h.Stats.ByModel.GetValueOrDefault(Pro).Should().Be(1, "one refused submit, never repeated");
        h.Stats.SubmitsAccepted.Should().Be(2);
    }

    [Fact]
    public async Task Generate_PlanModelGone_FallsBackToTheProjectList()
    {
        // SEQ06's plan names leonardo:kling-3.0 (one shot a call): it is tried first, then the project's video_models.
        await using var h = await StepHarness.StartAsync("leonardo-create:model-gone=kling-3.0");
        h.Settings = Chain(Standard);
        await h.PickedAsync(h.Runner(), "SEQ06", new GridCell(0, 0));

        var outcome = await h.GenerateAsync(h.Runner(), "SEQ06");

        outcome.Succeeded.Should().BeTrue(outcome.Message);
        var take = h.Sequence("SEQ06").Takes.Single();
        (take.Model, take.Provider, take.Mode).Should().Be((Standard, "fal", TakeMode.Individual));
        take.CostUsd.Should().Be(15 * 0.084m);
        var skip = take.SkippedModels.Should().ContainSingle().Subject;
        skip.Model.Should().Be("leonardo:kling-3.0");
        skip.Reason.Should().StartWith("gone (HTTP 404): Leonardo create for ");
        h.Stats.LeonardoGenerationsAccepted.Should().Be(0);
        h.Stats.SubmitsAccepted.Should().Be(3, "three shots, each on the fallback once");
        take.ElementsDropped.Should().NotBeEmpty("Leonardo's Kling takes no element with a start frame");
        outcome.Message.Should().Contain($"; made by fallback fal:{Standard} without {string.Join(", ", take.ElementsDropped)} (dropped for leonardo:kling-3.0; 'starsend generate SEQ06 --model fal:{Standard} --again' sends up to 3)",
            "the fallback was sent the take as planned, so the producer is told what it left out and how to send it");
    }

    [Fact]
    public async Task Generate_FallbackJobInterrupted_NextRunResumesItWithoutAskingTheGoneModelAgain()
    {
        await using var h = await StepHarness.StartAsync($"submit:model-gone={Pro}", queueWait: TimeSpan.FromSeconds(60));
        h.Settings = Chain(Pro, Standard);
        await h.PickedAsync(h.Runner(), "SEQ01", new GridCell(0, 0));
        using var interrupt = new CancellationTokenSource();
        var first = h.Runner().GenerateAsync("SEQ01", new GenerateRequest { Yes = true }, null, interrupt.Token);
        await h.Clock.WaitForWaitAsync(_ => true);
        h.Execution("SEQ01#2").Status.Should().Be(ExecutionStatus.Submitted);
        await interrupt.CancelAsync();
        await first.Invoking(async t => await t).Should().ThrowAsync<OperationCanceledException>();

        var resumed = await h.GenerateAsync(h.Runner(), "SEQ01");

        resumed.Succeeded.Should().BeTrue(resumed.Message);
        var take = h.Sequence("SEQ01").Takes.Single();
        (take.Model, take.ExecutionIds.Single()).Should().Be((Standard, "SEQ01#2"));
        take.SkippedModels.Should().ContainSingle().Which.Should().Match<StarSend.Core.Providers.ModelSkip>(s => s.Model == Pro && s.ExecutionId == "SEQ01#1");
        h.Stats.ByModel[Pro].Should().Be(1, "the resumed run collects the fallback's job; it does not walk the chain again");
        h.Stats.SubmitsAccepted.Should().Be(1);
    }

    [Fact]
    public async Task Generate_SubmitAnswerLostOnTheFirstModel_DoesNotFallBack()
    {
        // The first model may have taken the job (its answer was lost and the history cannot tell): another model could pay twice.
        await using var h = await StepHarness.StartAsync("submit:lost-response@1;requests:no-payload");
        h.Settings = Chain(Pro, Standard);
        await h.PickedAsync(h.Runner(), "SEQ01", new GridCell(0, 0));

        var outcome = await h.GenerateAsync(h.Runner(), "SEQ01");

        outcome.Succeeded.Should().BeFalse();
        outcome.Message.Should().Contain("--resubmit");
        h.Execution("SEQ01#1").Status.Should().Be(ExecutionStatus.SubmissionUnknown);
        h.Stats.ByModel.Should().NotContainKey(Standard);
        h.ReadExecutions().Executions.Keys.Should().NotContain("SEQ01#2");
    }

    [Fact]
    public async Task Generate_ContentRefusal_NeverFallsBack()
    {
        await using var h = await StepHarness.StartAsync("submit:content-policy");
        h.Settings = Chain(Pro, Standard);
        await h.PickedAsync(h.Runner(), "SEQ01", new GridCell(0, 0));

        var outcome = await h.GenerateAsync(h.Runner(), "SEQ01");

        outcome.Succeeded.Should().BeFalse();
        outcome.Message.Should().Contain("content_policy_violation");
        h.Sequence("SEQ01").Takes.Should().BeEmpty();
        h.Stats.ByModel.Should().NotContainKey(Standard, "a content refusal is not sent to the next model");
        h.Stats.SubmitsAccepted.Should().Be(0);
        h.ReadExecutions().Executions.Values.Where(e => e.Kind == ExecutionKind.Video).Select(e => e.Id).Should().Equal("SEQ01#1");
    }

    [Fact]
    public async Task Generate_FallbackPastTheBudget_IsRefusedBeforeItIsSent()
    {
        // The first model (o3 standard, $0.084/s) fits the budget; the fallback (o3 pro, $0.112/s) would not.
        await using var h = await StepHarness.StartAsync($"submit:model-gone={Standard}");
        h.Settings = Chain(Standard, Pro);
        await h.PickedAsync(h.Runner(), "SEQ01", new GridCell(0, 0));
        var spent = h.ReadExecutions().Executions.Values.Sum(e => e.ChargedUsd);
        var steps = h.Steps(o => o with { BudgetUsd = spent + 1.2m });

        var outcome = await h.GenerateAsync(h.Runner(steps), "SEQ01");

        outcome.ExitCode.Should().Be(ExitCodes.BudgetExceeded);
        outcome.Message.Should().Contain("past its budget");
        h.Stats.ByModel.Should().NotContainKey(Pro, "the fallback was refused before it was sent");
        h.Stats.SubmitsAccepted.Should().Be(0);
        h.ReadExecutions().Executions.Keys.Should().NotContain("SEQ01#2");
    }

    [Fact]
    public async Task Generate_UnfitFallback_IsSkippedUnsentWithItsReason()
    {
        // Leonardo's Kling 3.0 takes one shot a call and no elements with a start frame: it cannot take SEQ01's multi-shot take.
        await using var h = await StepHarness.StartAsync($"submit:model-gone={Pro}");
        h.Settings = Chain(Pro, "leonardo:kling-3.0", Standard);
        await h.PickedAsync(h.Runner(), "SEQ01", new GridCell(0, 0));

        var outcome = await h.GenerateAsync(h.Runner(), "SEQ01");

        outcome.Succeeded.Should().BeTrue(outcome.Message);
        var take = h.Sequence("SEQ01").Takes.Single();
        take.Model.Should().Be(Standard);
        take.SkippedModels!.Select(s => s.Model).Should().Equal(Pro, "leonardo:kling-3.0");
        take.SkippedModels![1].Reason.Should().StartWith("unfit for this take: ").And.Contain("multi-shot");
        take.SkippedModels![1].ExecutionId.Should().BeNull();
        h.Stats.LeonardoGenerationsAccepted.Should().Be(0);
        h.Requests("leonardo_init_image").Should().Be(0, "nothing is uploaded for an unfit model");
    }

    [Fact]
    public async Task Generate_DryRun_NamesTheChainAndWhatIsUnfitAndSendsNothing()
    {
        await using var h = await StepHarness.StartAsync();
        h.Settings = Chain(Pro, "leonardo:kling-3.0", Standard);
        await h.PickedAsync(h.Runner(), "SEQ01", new GridCell(0, 0));

        var outcome = await h.Clock.RunAsync(h.Runner().GenerateAsync("SEQ01", new GenerateRequest { Yes = true, DryRun = true }, null, CancellationToken.None));
        var pinned = await h.Clock.RunAsync(h.Runner().GenerateAsync("SEQ01", new GenerateRequest { Yes = true, DryRun = true, Model = Pro }, null, CancellationToken.None));

        outcome.Message.Should().Contain($"nothing was sent; falls back to: leonardo:kling-3.0 (unfit: leonardo:kling-3.0 cannot take the sequence in one call").And.EndWith($", {Standard}");
        pinned.Message.Should().EndWith("--model pins the model: no fallback");
        h.Requests("submit").Should().Be(0);
    }

    [Fact]
    public async Task Generate_PinnedModel_DoesNotFallBack()
    {
        await using var h = await StepHarness.StartAsync($"submit:model-gone={Pro}");
        h.Settings = Chain(Pro, Standard);
        await h.PickedAsync(h.Runner(), "SEQ01", new GridCell(0, 0));

        var outcome = await h.Clock.RunAsync(h.Runner().GenerateAsync("SEQ01", new GenerateRequest { Yes = true, Model = Pro }, null, CancellationToken.None));

        outcome.Succeeded.Should().BeFalse();
        outcome.Message.Should().Contain("serves no endpoint");
        h.Stats.ByModel.Should().NotContainKey(Standard);
        h.Sequence("SEQ01").State.Should().Be(SequenceState.StartFrameApproved);
    }

    [Fact]
    public async Task Grid_FirstImageModelGone_DrawsWithTheNextAndRecordsWhy()
    {
        await using var h = await StepHarness.StartAsync($"gemini:model-gone={FlashImage}");
        h.Settings = new ProjectSettings { ImageModels = [FlashImage, ProImage] };

        var outcome = await h.Clock.RunAsync(h.Runner().GridAsync("SEQ01", again: false, null, CancellationToken.None));

        outcome.Succeeded.Should().BeTrue(outcome.Message);
        var grid = h.Sequence("SEQ01").Grids.Single();
        grid.Model.Should().Be(ProImage);
        var skip = grid.SkippedModels.Should().ContainSingle().Subject;
        skip.Model.Should().Be(FlashImage);
        skip.Reason.Should().StartWith("gone (HTTP 404): ").And.Contain($"models/{FlashImage} is not found");
        var gone = h.Execution(skip.ExecutionId!);
        (gone.Model, gone.Status, gone.CostUsd).Should().Be((FlashImage, ExecutionStatus.Failed, 0m));
        var drawn = h.ReadExecutions().Executions.Values.Where(e => e.Status == ExecutionStatus.Complete).Should().ContainSingle().Subject;
        drawn.Model.Should().Be(ProImage);
        grid.CostUsd.Should().Be(drawn.CostUsd).And.BeGreaterThan(SettingsDefaults.ImagePrices[FlashImage], "priced at the pro model's rate");
        h.Stats.ByModel[FlashImage].Should().Be(1);
    }

    [Fact]
    public async Task Grid_FirstImageModelOverloadedPastTheRetries_DrawsWithTheNext()
    {
        // Five 503 answers: the first call and its four retries on the first model; Gemini's error answers make nothing and bill nothing.
        await using var h = await StepHarness.StartAsync("gemini:503@1-5");
        h.Settings = new ProjectSettings { ImageModels = [FlashImage, ProImage] };

        var outcome = await h.Clock.RunAsync(h.Runner().GridAsync("SEQ01", again: false, null, CancellationToken.None));

        outcome.Succeeded.Should().BeTrue(outcome.Message);
        var grid = h.Sequence("SEQ01").Grids.Single();
        grid.Model.Should().Be(ProImage);
        grid.SkippedModels.Should().ContainSingle().Which.Reason.Should().StartWith("failed after the retries (HTTP 503");
        h.Stats.ByModel.Should().Equal(new Dictionary<string, int> { [FlashImage] = 5, [ProImage] = 1 });
    }

    [Fact]
    public async Task Grid_DefaultSettingsFlashOverloaded_DoesNotMoveToTheDearerPro_ButAGoneFlashDoes()
    {
        // Without image_models, image_fallback_model (Pro, twice Flash's price) is taken only when Flash is gone, as before.
        await using var busy = await StepHarness.StartAsync("gemini:503@1-5");
        var overloaded = await busy.Clock.RunAsync(busy.Runner().GridAsync("SEQ01", again: false, null, CancellationToken.None));
        await using var gone = await StepHarness.StartAsync($"gemini:model-gone={FlashImage}");
        var replaced = await gone.Clock.RunAsync(gone.Runner().GridAsync("SEQ01", again: false, null, CancellationToken.None));

        overloaded.Succeeded.Should().BeFalse(overloaded.Message);
        busy.Stats.ByModel.Keys.Should().Equal([FlashImage], "an overload is waited out and reported, never silently sent to Pro");
        replaced.Succeeded.Should().BeTrue(replaced.Message);
        gone.Sequence("SEQ01").Grids.Single().Model.Should().Be(ProImage);
    }

    [Fact]
    public async Task Grid_FallbackImageModelPastTheBudget_IsRefusedBeforeItIsSent()
    {
        // $0.067 for the flash model fits $0.10; the pro model's $0.134 does not.
        await using var h = await StepHarness.StartAsync($"gemini:model-gone={FlashImage}");
        h.Settings = new ProjectSettings { ImageModels = [FlashImage, ProImage], BudgetUsd = 0.10m };
        var steps = h.Steps(o => o with { BudgetUsd = 0.10m });

        var outcome = await h.Clock.RunAsync(h.Runner(steps).GridAsync("SEQ01", again: false, null, CancellationToken.None));

        outcome.ExitCode.Should().Be(ExitCodes.BudgetExceeded);
        h.Stats.ByModel.Should().Equal(new Dictionary<string, int> { [FlashImage] = 1 });
        h.ReadExecutions().Executions.Values.Should().ContainSingle().Which.Model.Should().Be(FlashImage);
    }

    [Fact]
    public async Task Grid_SafetyRefusal_NeverFallsBack()
    {
        await using var h = await StepHarness.StartAsync("gemini:blocked");
        h.Settings = new ProjectSettings { ImageModels = [FlashImage, ProImage] };

        var outcome = await h.Clock.RunAsync(h.Runner().GridAsync("SEQ01", again: false, null, CancellationToken.None));

        outcome.Succeeded.Should().BeFalse();
        h.Stats.ByModel.Should().NotContainKey(ProImage, "a safety refusal is not sent to the next model");
        h.Stats.ByModel[FlashImage].Should().Be(1);
    }

    private static ProjectSettings Chain(params string[] models) => new() { VideoModels = [.. models], VideoModel = models[0] };
}
