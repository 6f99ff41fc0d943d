using StarSend.Core.Executions;
using StarSend.Core.Settings;
using StarSend.Core.Tests.Steps;
using StarSend.Imaging;

namespace StarSend.Core.Tests.Workflow;

/// <summary>
/// A paid Gemini answer with several image parts (issue #8 item 4, field-log #4): the grid is the last image not
/// flagged as a thought (or the last image), and every other part is kept on disk beside it, recorded on the execution.
/// </summary>
public sealed class GridImagePartsTests
{
    [Theory]
    [InlineData("thought-then-final", "_part1_thought.png")]
    [InlineData("all-thought", "_part1_thought.png")]
    [InlineData("duplicate-image", "_part1.png")]
    public async Task GridAsync_SeveralImageParts_UsesTheFinalGridAndKeepsEveryPart(string fault, string partSuffix)
    {
        await using var h = await StepHarness.StartAsync(faults: $"gemini:{fault}");

        var outcome = await h.Clock.RunAsync(h.Runner().GridAsync("SEQ01", again: false, null, CancellationToken.None));

        outcome.Succeeded.Should().BeTrue(outcome.Message);
        h.Requests("gemini").Should().Be(1, "the answer had a usable grid: nothing is asked again");
        var execution = h.ReadExecutions().Executions.Values.Should().ContainSingle().Subject;
        execution.Status.Should().Be(ExecutionStatus.Complete);
        execution.CostUsd.Should().Be(SettingsDefaults.ImagePrices[SettingsDefaults.ImageModel], "one call, paid once");
        execution.Outputs.Should().HaveCount(2);
        var used = execution.Outputs[0];
        var other = execution.Outputs[1];
        other.Path.Should().EndWith(partSuffix);
        File.Exists(other.Path).Should().BeTrue();
        ImageCodec.Decode(await File.ReadAllBytesAsync(other.Path), "kept part").Width.Should().BePositive();
        var grid = h.Sequence("SEQ01").Grids.Should().ContainSingle().Subject;
        (await File.ReadAllBytesAsync(h.Paths.Full(grid.File!))).Should().Equal(await File.ReadAllBytesAsync(used.Path), "the grid is the image used");
        if (fault != "duplicate-image")
        {
            (await File.ReadAllBytesAsync(other.Path)).Should().NotEqual(await File.ReadAllBytesAsync(used.Path), "the draft is another picture");
        }
    }
}
