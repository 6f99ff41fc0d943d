using System.Diagnostics;
using StarSend.Cli.Tests.Harness;
using StarSend.Core.Executions;
using StarSend.Emulator;
using Xunit.Abstractions;
using CliRun = StarSend.Cli.Tests.Harness.Cli;

namespace StarSend.Cli.Tests.EndToEnd;

/// <summary>
/// Issue #8 item 1: several real <c>starsend</c> processes on one project, each started when the one before has
/// printed a few log lines (two producers, or a script re-run while the first still runs). Whatever the interleaving,
/// no sequence gets a second grid or take without <c>--again</c>, and the emulator billed exactly what was recorded.
/// </summary>
public sealed class OverlappingRunsTests(ITestOutputHelper output)
{
    private static readonly int[] StartAfterLines = [0, 3, 6, 9];

    [Fact]
    public async Task GridAllThenGenerateAll_StartedAtStaggeredMoments_NothingPaidTwice()
    {
        await using var project = await EmulatedProject.StartAsync(new EmulatorOptions
        {
            QueueWait = TimeSpan.FromMilliseconds(50),
            RunTime = TimeSpan.FromMilliseconds(150),
        });

        var grids = await RunStaggeredAsync(project, "grid", "--all", "--verbose");
        var afterGrids = await ProjectState.SequencesAsync(project.Dir);
        var gridExecutions = (await ProjectState.ExecutionsAsync(project.Dir)).Executions.Values.Where(e => e.Kind == ExecutionKind.Keyframe).ToList();
        output.WriteLine($"grid runs exited {string.Join(", ", grids)}; images billed {project.Emulator.GetStats().ImagesGenerated}, image calls recorded {gridExecutions.Count}");
        afterGrids.Sequences.Should().HaveCount(12);
        afterGrids.Sequences.Values.Should().OnlyContain(s => s.Grids.Count == 1, "no sequence may get a second grid without --again");
        project.Emulator.GetStats().ImagesGenerated.Should().Be(gridExecutions.Count(e => e.Status == ExecutionStatus.Complete));

        foreach (var id in afterGrids.Sequences.Keys)
        {
            (await project.RunAsync("pick", id, "1")).ExitCode.Should().Be(0);
        }

        var takes = await RunStaggeredAsync(project, "generate", "--all", "--yes", "--verbose");
        var sequences = await ProjectState.SequencesAsync(project.Dir);
        var executions = await ProjectState.ExecutionsAsync(project.Dir);
        var requestIds = executions.Executions.Values.Where(e => e.Kind == ExecutionKind.Video).Select(e => e.RequestId).OfType<string>().ToList();
        var stats = project.Emulator.GetStats();
        var paid = stats.SubmitsAccepted + stats.LeonardoGenerationsAccepted;
        output.WriteLine($"generate runs exited {string.Join(", ", takes)}; jobs accepted {paid} (fal {stats.SubmitsAccepted}, Leonardo {stats.LeonardoGenerationsAccepted}), request ids recorded {requestIds.Count}");
        sequences.Sequences.Values.Should().OnlyContain(s => s.Takes.Count == 1, "no sequence may get a second take without --again");
        ProjectState.ShouldHaveEachPaidJobInExactlyOneTake(sequences, executions);
        requestIds.Should().OnlyHaveUniqueItems();
        paid.Should().Be(requestIds.Count, "every job the providers (fal and Leonardo) accepted is recorded, and only those");
    }

    /// <summary>Starts one child per entry of <see cref="StartAfterLines"/>, each once the first child has printed that many lines; returns the exit codes.</summary>
    private static async Task<int[]> RunStaggeredAsync(EmulatedProject project, params string[] args)
    {
        var children = new List<Process>();
        var drained = new List<Task<string>>();
        var lines = 0;
        var milestones = StartAfterLines.Skip(1).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var first = CliRun.Start(project.Dir, project.Environment, args);
        children.Add(first);
        var firstError = new System.Text.StringBuilder();
        first.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                foreach (var m in milestones)
                {
                    m.TrySetResult();
                }

                return;
            }

            lock (firstError)
            {
                firstError.AppendLine(e.Data);
            }

            var seen = Interlocked.Increment(ref lines);
            for (var k = 0; k < milestones.Length; k++)
            {
                if (seen >= StartAfterLines[k + 1])
                {
                    milestones[k].TrySetResult();
                }
            }
        };
        first.BeginErrorReadLine();
        drained.Add(first.StandardOutput.ReadToEndAsync());
        foreach (var milestone in milestones)
        {
            await milestone.Task.WaitAsync(TimeSpan.FromMinutes(2));
            var child = CliRun.Start(project.Dir, project.Environment, args);
            children.Add(child);
            drained.Add(Drain(child));
        }

        var outputs = await Task.WhenAll(drained).WaitAsync(TimeSpan.FromMinutes(3));
        await Task.WhenAll(children.Select(c => c.WaitForExitAsync())).WaitAsync(TimeSpan.FromMinutes(3));
        var codes = children.Select(c => c.ExitCode).ToArray();
        codes.Should().OnlyContain(code => code == 0 || code == 3, $"a run may only be told another run holds a sequence:\n{firstError}\n{string.Join('\n', outputs)}");
        foreach (var child in children)
        {
            child.Dispose();
        }

        return codes;
    }

    private static async Task<string> Drain(Process process)
    {
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        return await output + await error;
    }
}
