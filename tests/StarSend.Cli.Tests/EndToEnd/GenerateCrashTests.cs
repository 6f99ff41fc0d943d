using StarSend.Cli.Tests.Harness;
using StarSend.Core.Executions;
using StarSend.Core.Sequences;
using StarSend.Emulator;
using Xunit.Abstractions;
using CliRun = StarSend.Cli.Tests.Harness.Cli;

namespace StarSend.Cli.Tests.EndToEnd;

/// <summary>
/// A child <c>starsend generate --all</c> is killed (SIGKILL) at many different points of its run, then the command is
/// run again: the state must parse, every paid job must end in exactly one take, and nothing may be paid twice.
/// </summary>
public sealed class GenerateCrashTests(ITestOutputHelper output)
{
    private const int Trials = 14;

    [Fact]
    public async Task GenerateAll_KilledAtManyPoints_EveryPaidJobInOneTakeAndNothingPaidTwice()
    {
        await using var project = await EmulatedProject.StartAsync(new EmulatorOptions
        {
            QueueWait = TimeSpan.FromMilliseconds(100),
            RunTime = TimeSpan.FromMilliseconds(400),
        });
        await PreparedProject.PickAllAsync(project);
        var killed = 0;
        var unknown = 0;
        var duplicates = 0;
        for (var trial = 0; trial < Trials; trial++)
        {
            var dir = project.CopyProject($"trial{trial}");
            var before = Paid(project.Emulator.GetStats());
            var killAt = 1 + (trial * 9);
            if (await RunAndKillAsync(dir, project.Environment, killAt))
            {
                killed++;
            }

            var resumed = await CliRun.RunAsync(dir, project.Environment, "generate", "--all", "--yes");
            if (resumed.ExitCode != 0 && (resumed.Out + resumed.Error).Contains("--resubmit", StringComparison.Ordinal))
            {
                resumed = await CliRun.RunAsync(dir, project.Environment, "generate", "--all", "--yes", "--resubmit");
            }

            resumed.ExitCode.Should().Be(0, $"trial {trial} (kill after {killAt} lines): {resumed.Error}{resumed.Out}");
            var sequences = await ProjectState.SequencesAsync(dir);
            var executions = await ProjectState.ExecutionsAsync(dir);
            sequences.Sequences.Values.Should().OnlyContain(s => s.State == SequenceState.Review && s.Takes.Count == 1, $"trial {trial}");
            ProjectState.ShouldHaveEachPaidJobInExactlyOneTake(sequences, executions);
            var videos = executions.Executions.Values.Where(e => e.Kind == ExecutionKind.Video).ToList();
            var withRequestId = videos.Count(e => e.RequestId is not null);
            var maybeSent = videos.Count(e => e.RequestId is null && e.Error?.Contains("submission unknown", StringComparison.Ordinal) == true);
            var paid = Paid(project.Emulator.GetStats()) - before;
            videos.Select(e => e.RequestId).OfType<string>().Should().OnlyHaveUniqueItems();
            if (maybeSent == 0)
            {
                paid.Should().Be(withRequestId, $"trial {trial}: the provider's accepted submits are exactly the recorded request ids");
            }

            paid.Should().BeGreaterThanOrEqualTo(withRequestId).And.BeLessThanOrEqualTo(withRequestId + maybeSent, $"trial {trial}: only a submit whose answer never arrived may be unaccounted for");
            unknown += maybeSent;
            duplicates += paid - withRequestId;
        }

        output.WriteLine($"{Trials} trials, {killed} killed mid-run, {unknown} submission(s) unknown at a kill, {duplicates} job(s) paid twice");
        killed.Should().BeGreaterThan(Trials / 2);
        duplicates.Should().BeLessThanOrEqualTo(unknown);
    }

    /// <summary>Jobs the providers accepted (and would bill): fal submits and Leonardo generations (the demo has both, issue #11).</summary>
    private static int Paid(EmulatorStats stats) => stats.SubmitsAccepted + stats.LeonardoGenerationsAccepted;

    /// <summary>
    /// Issue #15: <c>run --all</c> from a fresh project (grids, picks and takes all to do) killed at many points, then
    /// run again: every sequence ends in review with one grid, one pick and one take; the provider's accepted submits
    /// are the recorded request ids, and an image call is asked again only when a kill interrupted it.
    /// </summary>
    [Fact]
    public async Task RunAll_KilledAtManyPoints_ResumesEverySequenceAndPaysNothingTwice()
    {
        await using var project = await EmulatedProject.StartAsync(new EmulatorOptions
        {
            QueueWait = TimeSpan.FromMilliseconds(100),
            RunTime = TimeSpan.FromMilliseconds(400),
        });
        var killed = 0;
        for (var trial = 0; trial < 5; trial++)
        {
            var dir = project.CopyProject($"run{trial}");
            var before = project.Emulator.GetStats();
            var killAt = 2 + (trial * 13);
            if (await RunAndKillAsync(dir, project.Environment, killAt, "run", "--all", "--yes", "--verbose"))
            {
                killed++;
            }

            var resumed = await CliRun.RunAsync(dir, project.Environment, "run", "--all", "--yes");
            if (resumed.ExitCode != 0 && (resumed.Out + resumed.Error).Contains("--resubmit", StringComparison.Ordinal))
            {
                resumed = await CliRun.RunAsync(dir, project.Environment, "run", "--all", "--yes", "--resubmit");
            }

            resumed.ExitCode.Should().Be(0, $"trial {trial} (kill after {killAt} lines): {resumed.Error}{resumed.Out}");
            var sequences = await ProjectState.SequencesAsync(dir);
            var executions = await ProjectState.ExecutionsAsync(dir);
            sequences.Sequences.Values.Should().HaveCount(12).And.OnlyContain(
                s => s.State == SequenceState.Review && s.Grids.Count == 1 && s.StartFrame != null && s.Takes.Count == 1, $"trial {trial}");
            ProjectState.ShouldHaveEachPaidJobInExactlyOneTake(sequences, executions);
            var after = project.Emulator.GetStats();
            var videos = executions.Executions.Values.Where(e => e.Kind == ExecutionKind.Video).ToList();
            var withRequestId = videos.Count(e => e.RequestId is not null);
            var maybeSent = videos.Count(e => e.RequestId is null && e.Error?.Contains("submission unknown", StringComparison.Ordinal) == true);
            var paid = Paid(after) - Paid(before);
            if (maybeSent == 0)
            {
                paid.Should().Be(withRequestId, $"trial {trial}: the provider's accepted submits are exactly the recorded request ids");
            }

            paid.Should().BeLessThanOrEqualTo(withRequestId + maybeSent, $"trial {trial}");
            var images = executions.Executions.Values.Where(e => e.Kind == ExecutionKind.Keyframe).ToList();
            var imagesPaid = after.ImagesGenerated - before.ImagesGenerated;
            imagesPaid.Should().BeGreaterThanOrEqualTo(images.Count(e => e.Status == ExecutionStatus.Complete))
                .And.BeLessThanOrEqualTo(images.Count(e => e.Status == ExecutionStatus.Complete) + images.Count(e => e.Status != ExecutionStatus.Complete), $"trial {trial}: only an interrupted image call is asked again");
        }

        output.WriteLine($"run: 5 trials, {killed} killed mid-run");
        killed.Should().BeGreaterThan(2);
    }

    /// <summary>Runs the child until it has printed <paramref name="lines"/> log lines, then SIGKILLs it. False if it finished first.</summary>
    private static Task<bool> RunAndKillAsync(string dir, IReadOnlyDictionary<string, string?> env, int lines) =>
        RunAndKillAsync(dir, env, lines, "generate", "--all", "--yes", "--verbose");

    internal static async Task<bool> RunAndKillAsync(string dir, IReadOnlyDictionary<string, string?> env, int lines, params string[] args)
    {
        using var child = CliRun.Start(dir, env, args);
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var seen = 0;
        child.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null && Interlocked.Increment(ref seen) >= lines)
            {
                reached.TrySetResult();
            }
        };
        child.OutputDataReceived += (_, _) => { };
        child.BeginErrorReadLine();
        child.BeginOutputReadLine();
        var exited = child.WaitForExitAsync();
        var first = await Task.WhenAny(reached.Task, exited).WaitAsync(TimeSpan.FromMinutes(3));
        if (first == exited)
        {
            return false;
        }

        child.Kill(entireProcessTree: true);
        await exited;
        return true;
    }
}
