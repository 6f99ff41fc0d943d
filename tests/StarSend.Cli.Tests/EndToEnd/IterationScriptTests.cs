using StarSend.Cli.Tests.Harness;
using StarSend.Core.Executions;
using StarSend.Core.Sequences;
using StarSend.Emulator;
using Xunit.Abstractions;

namespace StarSend.Cli.Tests.EndToEnd;

/// <summary>
/// Issue #10's "done when", as the real CLI in child processes against the emulator on the demo project: analyze SEQ05
/// → generate --animate → generate --feedback → generate --prompts-from 1:shot01,2:shot02 → reset to grid_review →
/// pick another cell. Then the same script killed at every paid step (the analysis call, the feedback text call, the
/// video submits, the downloads) and each killed step run again: nothing is paid twice and nothing paid is lost.
/// </summary>
public sealed class IterationScriptTests(ITestOutputHelper output)
{
    private const string Seq = "SEQ05";
    private const string Feedback = "slower camera, keep her face still";
    private const string O3 = "fal-ai/kling-video/o3/pro/reference-to-video";

    private static readonly string[][] Script =
    [
        ["analyze", Seq],
        ["generate", Seq, "--animate", "1,2", "--yes"],
        ["generate", Seq, "--feedback", Feedback, "--yes"],
        ["generate", Seq, "--prompts-from", "1:shot01,2:shot02", "--yes"],
        ["reset", Seq, "--to", "grid_review"],
        ["pick", Seq, "3"],
    ];

    [Fact]
    public async Task DoneWhenScript_EachTakeRecordsPromptsWithSourcesNegativePromptAndModel()
    {
        await using var project = await PreparedAsync();

        foreach (var step in Script)
        {
            var result = await ChildCli.RunAsync(project.Dir, project.Environment, step);
            result.ExitCode.Should().Be(0, $"{string.Join(' ', step)}: {result.Error}{result.Out}");
            if (step.Contains("--feedback"))
            {
                result.Error.Should().Contain($"{Seq}: feedback \"{Feedback}\" on take 1 -> rewrite 1").And.Contain("shot01 (feedback): ").And.Contain("rationale: ");
            }
        }

        var record = (await ProjectState.SequencesAsync(project.Dir)).Sequences[Seq];
        ShouldBeTheScriptsOutcome(record);
        var stats = project.Emulator.GetStats();
        stats.StructuredAnswers.Should().Be(2, "one analysis, one feedback rewrite");
        stats.SubmitsAccepted.Should().Be(3);
        var executions = (await ProjectState.ExecutionsAsync(project.Dir)).Executions.Values;
        executions.Where(e => e.Kind == ExecutionKind.Structured).Select(e => e.StepId).Should().BeEquivalentTo(["SEQ05_analysis", "SEQ05_feedback"]);
        var take2 = record.Takes[1];
        take2.Feedback!.CostUsd.Should().Be(executions.Single(e => e.StepId == "SEQ05_feedback").CostUsd).And.BePositive();

        var costs = await ChildCli.RunAsync(project.Dir, project.Environment, "costs", "--by", "take");
        costs.Out.Should().Contain("SEQ05 feedback rewrite 1 (of take 1)").And.Contain("SEQ05 analysis 1");
        var status = await ChildCli.RunAsync(project.Dir, project.Environment, "status", Seq);
        status.Out.Should().Contain("take 3 prompts changed since take 2").And.Contain("STALE");
    }

    [Fact]
    public async Task DoneWhenScript_KilledAtEveryPaidStep_ResumesAndPaysNothingTwice()
    {
        await using var project = await PreparedAsync(new EmulatorOptions
        {
            QueueWait = TimeSpan.FromMilliseconds(300),
            RunTime = TimeSpan.FromMilliseconds(700),
            // The structured calls stay in flight long enough for a kill to land while they are asked.
            Latency = new Dictionary<string, TimeSpan> { ["gemini"] = TimeSpan.FromMilliseconds(700) },
        });
        // Per trial, where each script step is killed (null: not killed): in flight, right after the answer, mid-download.
        string?[][] trials =
        [
            ["running (analyzing)", "queued (position", "asking gemini-3.8-flash to rewrite", "queued (position", null, null],
            ["analysed by", "downloading", "feedback rewrite 1 of take 1", "SEQ05: running", null, null],
            [null, "SEQ05: running", "downloading", "downloading", null, null],
        ];
        var kills = 0;
        for (var t = 0; t < trials.Length; t++)
        {
            var dir = project.CopyProject($"trial{t}");
            var before = project.Emulator.GetStats();
            for (var s = 0; s < Script.Length; s++)
            {
                // A structured call is killed once the emulator holds it (in its latency), so the kill lands in flight.
                var asked = TextCalls(project);
                Func<bool>? inFlight = trials[t][s] is "running (analyzing)" or "asking gemini-3.8-flash to rewrite" ? () => TextCalls(project) > asked : null;
                if (trials[t][s] is { } killOn && await ChildCli.RunAndKillAsync(dir, project.Environment, killOn, inFlight, [.. Script[s], "--verbose"]))
                {
                    // Every step is run again after its kill, wherever the kill landed: a step whose take was already
                    // recorded (the cherry-pick included: its prompts are the latest take's) pays nothing the second time.
                    kills++;
                }

                var result = await ChildCli.RunAsync(dir, project.Environment, Script[s]);
                result.ExitCode.Should().Be(0, $"trial {t}, {string.Join(' ', Script[s])} after a kill on '{trials[t][s]}': {result.Error}{result.Out}");
            }

            var sequences = await ProjectState.SequencesAsync(dir);
            var executions = await ProjectState.ExecutionsAsync(dir);
            ShouldBeTheScriptsOutcome(sequences.Sequences[Seq]);
            ProjectState.ShouldHaveEachPaidJobInExactlyOneTake(sequences, executions);
            var after = project.Emulator.GetStats();
            var all = executions.Executions.Values.ToList();

            // Video: the provider's accepted submits are exactly the recorded request ids (a submit whose answer a kill
            // cut off is found again in fal's request history and adopted, not sent twice).
            var videos = all.Where(e => e.Kind == ExecutionKind.Video).ToList();
            var withRequestId = videos.Select(e => e.RequestId).OfType<string>().ToList();
            withRequestId.Should().OnlyHaveUniqueItems();
            var maybeSent = videos.Count(e => e.RequestId is null && e.Error?.Contains("submission unknown", StringComparison.Ordinal) == true);
            (after.SubmitsAccepted - before.SubmitsAccepted).Should().BeInRange(withRequestId.Count, withRequestId.Count + maybeSent, $"trial {t}");
            withRequestId.Should().HaveCount(3, $"trial {t}: three takes, each paid once");

            // Structured calls: answered (billed) once each, plus at most a call a kill interrupted before its answer.
            var structured = all.Where(e => e.Kind == ExecutionKind.Structured).ToList();
            structured.Count(e => e.Status == ExecutionStatus.Complete).Should().Be(2, $"trial {t}: one analysis, one rewrite");
            var interrupted = structured.Count(e => e.Status == ExecutionStatus.SubmissionUnknown);
            (after.StructuredAnswers - before.StructuredAnswers).Should().BeInRange(2, 2 + interrupted, $"trial {t}");
            if (t == 0)
            {
                interrupted.Should().Be(2, "trial 0 killed the analysis and the rewrite while the emulator held them; the next run marked them possibly billed and asked again");
            }

            output.WriteLine($"trial {t}: {withRequestId.Count} submits, {after.StructuredAnswers - before.StructuredAnswers} structured answers, {interrupted} interrupted");
        }

        output.WriteLine($"{kills} kills");
        kills.Should().BeGreaterThanOrEqualTo(8, "most kill points are reached before the step ends");
    }

    private static int TextCalls(EmulatedProject project) => project.Emulator.GetStats().ByModel.GetValueOrDefault("gemini-3.8-flash");

    private static async Task<EmulatedProject> PreparedAsync(EmulatorOptions? options = null)
    {
        var project = await EmulatedProject.StartAsync(options);
        foreach (var step in new[] { new[] { "grid", Seq }, ["pick", Seq, "1"] })
        {
            var result = await project.RunAsync(step);
            result.ExitCode.Should().Be(0, result.Error);
        }

        return project;
    }

    private static void ShouldBeTheScriptsOutcome(SequenceRecord record)
    {
        record.State.Should().Be(SequenceState.StartFrameApproved, "reset to grid_review, then a new pick");
        record.StartFrame!.Row.Should().Be(1, "cell 3 is r1c0");
        record.History.Should().Contain(h => h.Action == ReviewAction.Reset);
        record.Analyses.Should().ContainSingle();
        record.Rewrites.Should().ContainSingle();
        record.Takes.Should().HaveCount(3).And.OnlyContain(t => t.Model == O3);

        var (take1, take2, take3) = (record.Takes[0], record.Takes[1], record.Takes[2]);
        var motions = record.Analyses[0].Answer.MotionElements.Take(2).Select(m => m.Element).ToList();
        take1.Prompts.Should().HaveCount(5).And.OnlyContain(p => p.Source == "plan +animate" && p.Prompt.Contains("Motion: ", StringComparison.Ordinal));
        take1.AnimatedElements.Should().Equal(motions);
        take1.NegativePrompt.Should().StartWith("morphing").And.Contain("moving light");
        take1.NegativePromptSent.Should().BeFalse("O3 reference-to-video takes no negative prompt");

        take2.Feedback!.Text.Should().Be(Feedback);
        take2.Feedback.BaseTake.Should().Be(1);
        take2.Prompts.Should().OnlyContain(p => p.Source == "feedback");
        take2.Prompts.Select(p => p.Prompt).Should().Equal(take1.Prompts.Select(p => $"{p.Prompt.TrimEnd('.')}; {Feedback}"), "the emulator rewrote take 1's prompts with the feedback's words");
        take2.NegativePrompt.Should().Be(take1.NegativePrompt, "a feedback take keeps the negative prompt of the take it rewrites");
        take2.AnimatedElements.Should().Equal(motions);

        take3.Prompts[0].Should().Be(new TakePrompt("shot01", take1.Prompts[0].Prompt, "take 1"));
        take3.Prompts[1].Should().Be(new TakePrompt("shot02", take2.Prompts[1].Prompt, "take 2"));
        take3.Prompts.Skip(2).Should().OnlyContain(p => p.Source == "plan");
        take3.NegativePrompt.Should().BeNull();
        take3.Feedback.Should().BeNull();
        take3.ShotPrompts.Should().Equal(take3.Prompts.Select(p => p.Prompt));
    }
}
