using StarSend.Cli.Tests.Harness;
using StarSend.Core.Executions;
using StarSend.Core.Sequences;
using StarSend.Emulator;
using Xunit.Abstractions;
using CliRun = StarSend.Cli.Tests.Harness.Cli;

namespace StarSend.Cli.Tests.EndToEnd;

/// <summary>
/// Fallback models across kills (issue #10): the project's first video model is gone, so every fal take falls back.
/// A child <c>starsend generate --all</c> is SIGKILLed at several points and run again: every paid job ends in exactly
/// one take, every take was made by the fallback and records the gone model, and nothing is paid twice.
/// </summary>
public sealed class FallbackCrashTests(ITestOutputHelper output)
{
    private const int Trials = 5;
    private const string Gone = "fal-ai/kling-video/o3/pro/reference-to-video";
    private const string Fallback = "fal-ai/kling-video/o3/standard/reference-to-video";

    [Fact]
    public async Task GenerateAll_WithAGoneModel_KilledAtSeveralPoints_FallsBackAndPaysNothingTwice()
    {
        await using var project = await EmulatedProject.StartAsync(new EmulatorOptions
        {
            QueueWait = TimeSpan.FromMilliseconds(100),
            RunTime = TimeSpan.FromMilliseconds(400),
            Faults = $"submit:model-gone={Gone}",
        });
        await File.WriteAllTextAsync(Path.Combine(project.Dir, "starsend.json"), $$"""{ "video_models": ["{{Gone}}", "{{Fallback}}"] }""");
        await PreparedProject.PickAllAsync(project);
        var killed = 0;
        for (var trial = 0; trial < Trials; trial++)
        {
            var dir = project.CopyProject($"trial{trial}");
            var before = project.Emulator.GetStats();
            if (await GenerateCrashTests.RunAndKillAsync(dir, project.Environment, 1 + (trial * 11), "generate", "--all", "--yes", "--verbose"))
            {
                killed++;
            }

            var resumed = await CliRun.RunAsync(dir, project.Environment, "generate", "--all", "--yes");

            resumed.ExitCode.Should().Be(0, $"trial {trial}: {resumed.Error}{resumed.Out}");
            var sequences = await ProjectState.SequencesAsync(dir);
            var executions = await ProjectState.ExecutionsAsync(dir);
            sequences.Sequences.Values.Should().OnlyContain(s => s.State == SequenceState.Review && s.Takes.Count == 1, $"trial {trial}");
            ProjectState.ShouldHaveEachPaidJobInExactlyOneTake(sequences, executions);
            var falTakes = sequences.Sequences.Values.SelectMany(s => s.Takes).Where(t => t.Provider == "fal").ToList();
            falTakes.Should().NotBeEmpty().And.OnlyContain(t => t.Model == Fallback && t.SkippedModels!.Single().Model == Gone, $"trial {trial}");
            var videos = executions.Executions.Values.Where(e => e.Kind == ExecutionKind.Video).ToList();
            videos.Where(e => e.Model == Gone).Should().OnlyContain(e => e.Status == ExecutionStatus.Failed && e.CostUsd == 0 && e.RequestId == null);
            var after = project.Emulator.GetStats();
            var paid = after.SubmitsAccepted + after.LeonardoGenerationsAccepted - before.SubmitsAccepted - before.LeonardoGenerationsAccepted;
            var unknown = videos.Count(e => e.RequestId is null && e.Error?.Contains("submission unknown", StringComparison.Ordinal) == true);
            paid.Should().BeGreaterThanOrEqualTo(videos.Count(e => e.RequestId is not null)).And.BeLessThanOrEqualTo(videos.Count(e => e.RequestId is not null) + unknown, $"trial {trial}");
        }

        output.WriteLine($"{Trials} trials, {killed} killed mid-run");
        killed.Should().BeGreaterThan(Trials / 2);
    }
}
