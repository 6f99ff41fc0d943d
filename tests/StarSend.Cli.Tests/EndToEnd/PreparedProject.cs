using StarSend.Cli.Tests.Harness;
using StarSend.Core.Plans;

namespace StarSend.Cli.Tests.EndToEnd;

/// <summary>Brings the demo project to "every sequence has a start frame", through the real CLI.</summary>
internal static class PreparedProject
{
    public static async Task PickAllAsync(EmulatedProject project)
    {
        var grid = await project.RunAsync("grid", "--all");
        grid.ExitCode.Should().Be(0, grid.Error + grid.Out);
        var plan = PlanLoader.Load(project.Dir).Plan;
        var n = 0;
        foreach (var sequence in plan.Sequences)
        {
            var pick = await project.RunAsync("pick", sequence.Id, $"{(n++ % 4) + 1}");
            pick.ExitCode.Should().Be(0, pick.Error);
            foreach (var shot in sequence.Shots.Where(s => s.OwnStartFrame))
            {
                var own = await project.RunAsync("pick", sequence.Id, "r1c1", "--shot", shot.Id);
                own.ExitCode.Should().Be(0, own.Error);
            }
        }
    }
}
