using StarSend.Core.Executions;
using StarSend.Core.Sequences;
using StarSend.Core.Tests.Steps;
using StarSend.Core.Workflow;
using StarSend.Imaging;
using StarSend.Imaging.Grids;

namespace StarSend.Core.Tests.Workflow;

/// <summary>Grid exploration against the emulator's Gemini, and picking a cell of the paid grid.</summary>
public sealed class GridAndPickTests
{
    [Fact]
    public async Task GridAsync_FirstImageIsOnePicture_RetriesOnceAndKeepsTheModelsGrid()
    {
        await using var h = await StepHarness.StartAsync(faults: "gemini:not-grid@1");
        var runner = h.Runner();

        var outcome = await h.Clock.RunAsync(runner.GridAsync("SEQ01", again: false, null, CancellationToken.None));

        outcome.Succeeded.Should().BeTrue(outcome.Message);
        var record = h.Sequence("SEQ01");
        record.State.Should().Be(SequenceState.GridReview);
        var grid = record.Grids.Should().ContainSingle().Subject;
        grid.Kind.Should().Be("model");
        grid.Calls.Should().Be(2);
        grid.ExecutionIds.Should().Equal("SEQ01_grid#1", "SEQ01_grid#2");
        grid.Prompt.Should().Be(GridPrompts.Stronger(GridPrompts.Base(h.Plan, h.Plan.FindSequence("SEQ01")!), 1));
        var executions = h.ReadExecutions().Executions.Values.ToList();
        executions.Should().HaveCount(2).And.OnlyContain(e => e.Status == ExecutionStatus.Complete && e.Kind == ExecutionKind.Keyframe);
        grid.CostUsd.Should().BePositive().And.Be(executions.Sum(e => e.CostUsd), "the picture that was not a grid was paid too");
        outcome.CostUsd.Should().Be(grid.CostUsd);
        GridDetector.Detect(ImageCodec.Decode(h.Paths.Full(grid.File!))).IsGrid.Should().BeTrue();
        h.Requests("gemini").Should().Be(2);
        h.Stats.ImagesGenerated.Should().Be(2);
        h.Stats.SubmitsAccepted.Should().Be(0);
    }

    [Fact]
    public async Task GridAsync_ModelDrawsNinePanels_NamesTheLayout_NeverCutsIt_AndTheRetryIsKept()
    {
        await using var h = await StepHarness.StartAsync(faults: "gemini:grid-3x3@1;gemini:not-grid@2");

        var outcome = await h.Clock.RunAsync(h.Runner().GridAsync("SEQ01", again: false, null, CancellationToken.None));

        outcome.Succeeded.Should().BeTrue(outcome.Message);
        var grid = h.Sequence("SEQ01").Grids.Should().ContainSingle().Subject;
        grid.Calls.Should().Be(3);
        grid.RejectedCalls.Should().Equal("call 1: a 3x3 layout", "call 2: one picture");
        GridDetector.Detect(ImageCodec.Decode(h.Paths.Full(grid.File!))).IsGrid.Should().BeTrue("the kept grid is call 3's 2x2");
        var first = h.ReadExecutions().Executions.Values.Single(e => e.Id == "SEQ01_grid#1");
        GridDetector.Detect(ImageCodec.Decode(h.Paths.Full(first.Outputs.Single().Path))).Layout.Should().Be("3x3", "the emulator drew nine panels, and they were named, not cut");
    }

    [Fact]
    public async Task GridAsync_FirstAnswerHasNoImage_TheGridCountsThatPossiblyBilledCallToo()
    {
        await using var h = await StepHarness.StartAsync(faults: "gemini:no-image@1");

        var outcome = await h.Clock.RunAsync(h.Runner().GridAsync("SEQ06", again: false, null, CancellationToken.None));

        outcome.Succeeded.Should().BeTrue(outcome.Message);
        var grid = h.Sequence("SEQ06").Grids.Should().ContainSingle().Subject;
        grid.Calls.Should().Be(2);
        grid.ExecutionIds.Should().Equal("SEQ06_grid#1", "SEQ06_grid#2");
        var executions = h.ReadExecutions().Executions;
        executions["SEQ06_grid#1"].Status.Should().Be(ExecutionStatus.Failed);
        grid.CostUsd.Should().Be(executions.Values.Sum(e => e.CostUsd), "the sequence's cost agrees with what the budget counts");
        h.Requests("gemini").Should().Be(2);
    }

    [Fact]
    public async Task GridAsync_ModelNeverDrawsAGrid_CompositesFourSinglesAndRecordsEveryCall()
    {
        await using var h = await StepHarness.StartAsync(faults: "gemini:not-grid");
        var runner = h.Runner();

        var outcome = await h.Clock.RunAsync(runner.GridAsync("SEQ01", again: false, null, CancellationToken.None));

        outcome.Succeeded.Should().BeTrue(outcome.Message);
        var grid = h.Sequence("SEQ01").Grids.Should().ContainSingle().Subject;
        grid.Kind.Should().Be("composite");
        var calls = h.Settings.GridRetries + 1 + 4;
        grid.Calls.Should().Be(calls);
        grid.ExecutionIds.Should().Equal(
            "SEQ01_grid#1", "SEQ01_grid#2", "SEQ01_grid#3", "SEQ01_grid_single1#1", "SEQ01_grid_single2#1", "SEQ01_grid_single3#1", "SEQ01_grid_single4#1");
        var executions = h.ReadExecutions().Executions.Values.ToList();
        executions.Should().HaveCount(calls).And.OnlyContain(e => e.Status == ExecutionStatus.Complete);
        grid.CostUsd.Should().BePositive().And.Be(executions.Sum(e => e.CostUsd));
        h.Requests("gemini").Should().Be(calls);
        h.Stats.ImagesGenerated.Should().Be(calls);

        var composite = ImageCodec.Decode(h.Paths.Full(grid.File!));
        for (var k = 0; k < 4; k++)
        {
            var single = ImageCodec.Decode(h.ReadExecutions().Executions[$"SEQ01_grid_single{k + 1}#1"].Outputs[0].Path);
            composite.Width.Should().Be((2 * single.Width) + 8);
            Region(composite, (k % 2) * (single.Width + 8), (k / 2) * (single.Height + 8), single.Width, single.Height)
                .Should().Equal(single.Pixels, $"single {k + 1} is cell {k + 1} in reading order");
        }
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 0)]
    [InlineData(1, 1)]
    public async Task PickAsync_Cell_CropsThatCellOfTheLatestGridWithoutAnImageCall(int row, int col)
    {
        await using var h = await StepHarness.StartAsync();
        var runner = h.Runner();
        await h.Clock.RunAsync(runner.GridAsync("SEQ03", again: false, null, CancellationToken.None));
        var gemini = h.Requests("gemini");

        var record = await runner.PickAsync("SEQ03", new GridCell(row, col), null, null, CancellationToken.None);

        record.State.Should().Be(SequenceState.StartFrameApproved);
        var grid = ImageCodec.Decode(h.Paths.Full(record.Grids[0].File!));
        var expected = GridCells.Extract(grid, row, col, gridSize: 2, trimGutters: true);
        var picked = ImageCodec.Decode(h.Paths.Full(record.StartFrame!.File));
        record.StartFrame.Should().Match<StartFrame>(s => s.Row == row && s.Col == col && s.Grid == 1 && s.Width == expected.Width && s.Height == expected.Height);
        picked.Pixels.Should().Equal(expected.Pixels);
        picked.Pixels.Should().NotEqual(GridCells.Extract(grid, 1 - row, 1 - col, gridSize: 2, trimGutters: true).Pixels, "the cells differ");
        h.Sequence("SEQ03").StartFrame.Should().Be(record.StartFrame);
        h.Requests("gemini").Should().Be(gemini);
    }

    private static byte[] Region(RgbaImage image, int x0, int y0, int width, int height)
    {
        var pixels = new byte[width * height * 4];
        for (var y = 0; y < height; y++)
        {
            image.Row(y0 + y).Slice(x0 * 4, width * 4).CopyTo(pixels.AsSpan(y * width * 4));
        }

        return pixels;
    }
}
