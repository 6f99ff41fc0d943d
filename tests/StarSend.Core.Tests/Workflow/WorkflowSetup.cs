using StarSend.Core.Sequences;
using StarSend.Core.Tests.Steps;
using StarSend.Core.Workflow;

namespace StarSend.Core.Tests.Workflow;

/// <summary>Brings a sequence to where a test starts, through the runner itself.</summary>
internal static class WorkflowSetup
{
    /// <summary>Grid, then pick <paramref name="cell"/>: the sequence is start_frame_approved.</summary>
    public static async Task<SequenceRecord> PickedAsync(this StepHarness h, ClientSequenceRunner runner, string id, GridCell cell)
    {
        var grid = await h.Clock.RunAsync(runner.GridAsync(id, again: false, null, CancellationToken.None));
        grid.Succeeded.Should().BeTrue(grid.Message);
        return await runner.PickAsync(id, cell, null, null, CancellationToken.None);
    }

    public static Task<SequenceOutcome> GenerateAsync(this StepHarness h, ClientSequenceRunner runner, string id) =>
        h.Clock.RunAsync(runner.GenerateAsync(id, new GenerateRequest { Yes = true }, null, CancellationToken.None));
}
