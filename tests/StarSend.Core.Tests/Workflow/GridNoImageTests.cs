using StarSend.Core.Errors;
using StarSend.Core.Executions;
using StarSend.Core.Sequences;
using StarSend.Core.Tests.Steps;

namespace StarSend.Core.Tests.Workflow;

/// <summary>
/// Gemini answers without an image (issue #8 item 9, field-log #1): NO_IMAGE / IMAGE_OTHER get one bounded retry, each
/// call an execution recorded before it is paid; a safety refusal gets none.
/// </summary>
public sealed class GridNoImageTests
{
    [Theory]
    [InlineData("no-image", "NO_IMAGE")]
    [InlineData("image-other", "IMAGE_OTHER")]
    public async Task GridAsync_ModelNeverDrawsAnImage_AsksOnceMoreThenStops(string fault, string reason)
    {
        await using var h = await StepHarness.StartAsync(faults: $"gemini:{fault}");

        var outcome = await h.Clock.RunAsync(h.Runner().GridAsync("SEQ01", again: false, null, CancellationToken.None));

        outcome.ExitCode.Should().Be(ExitCodes.ProviderFailed);
        outcome.Message.Should().Contain("twice without an image").And.Contain(reason);
        h.Requests("gemini").Should().Be(2, "one call and one bounded retry; no more grid attempts and no singles");
        var executions = h.ReadExecutions().Executions.Values.ToList();
        executions.Should().HaveCount(2).And.OnlyContain(e => e.Status == ExecutionStatus.Failed && e.CostUsd > 0, "each may have been billed");
        var record = h.Sequence("SEQ01");
        record.State.Should().Be(SequenceState.NotStarted);
        record.Grids.Should().BeEmpty();
    }

    [Theory]
    [InlineData("image-safety")]
    [InlineData("image-prohibited")]
    [InlineData("blocked")]
    public async Task GridAsync_SafetyRefusal_IsNotAskedAgain(string fault)
    {
        await using var h = await StepHarness.StartAsync(faults: $"gemini:{fault}");

        var outcome = await h.Clock.RunAsync(h.Runner().GridAsync("SEQ01", again: false, null, CancellationToken.None));

        outcome.ExitCode.Should().Be(ExitCodes.ProviderFailed);
        h.Requests("gemini").Should().Be(1);
        h.Sequence("SEQ01").State.Should().Be(SequenceState.NotStarted);
    }
}
