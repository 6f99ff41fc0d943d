using System.Text.Json.Nodes;
using StarSend.Core.Errors;
using StarSend.Core.Sequences;
using StarSend.Core.Tests.Steps;
using StarSend.Core.Workflow;
using StarSend.Infrastructure.Gemini;

namespace StarSend.Core.Tests.Workflow;

/// <summary>Issue #10: prompt edits, cherry-picks across takes, and --animate with a negative prompt, against the emulator.</summary>
public sealed class PromptIterationTests
{
    private const string V3 = "fal-ai/kling-video/v3/pro/image-to-video";

    [Fact]
    public async Task Generate_EditThenCherryPick_EachTakeRecordsItsPromptsWithTheirSourcesAndThePlanIsUntouched()
    {
        await using var h = await StepHarness.StartAsync();
        var runner = h.Runner();
        var planText = File.ReadAllText(h.Paths.PlanFile);
        var sequence = h.Plan.Sequences.First(s => s.Shots.Count >= 2);
        var (id, shot1, shot2) = (sequence.Id, sequence.Shots[0].Id, sequence.Shots[1].Id);
        await h.PickedAsync(runner, id, new GridCell(0, 0));
        (await h.GenerateAsync(runner, id)).Succeeded.Should().BeTrue();

        var edited = await h.Clock.RunAsync(runner.GenerateAsync(id, new GenerateRequest { Yes = true, Again = true, PromptEdits = new Dictionary<string, string> { [shot2] = "slow push-in on the singer" } }, null, CancellationToken.None));
        edited.Succeeded.Should().BeTrue(edited.Message);
        var cherry = await h.Clock.RunAsync(runner.GenerateAsync(id, new GenerateRequest { Yes = true, Again = true, PromptsFrom = $"2:{shot2}" }, null, CancellationToken.None));
        cherry.Succeeded.Should().BeTrue(cherry.Message);

        var takes = h.Sequence(id).Takes;
        takes.Should().HaveCount(3);
        takes[0].Prompts.Should().OnlyContain(p => p.Source == "plan");
        takes[1].Prompts[1].Should().Be(new TakePrompt(shot2, "slow push-in on the singer", "edit"));
        takes[1].Prompts[0].Should().Be(new TakePrompt(shot1, sequence.Shots[0].Prompt, "plan"));
        takes[1].ShotPrompts[1].Should().Be("slow push-in on the singer", "shot_prompts is what was sent");
        takes[2].Prompts[1].Should().Be(new TakePrompt(shot2, "slow push-in on the singer", "take 2"));
        takes[2].Prompts[0].Source.Should().Be("plan");
        File.ReadAllText(h.Paths.PlanFile).Should().Be(planText, "the plan is never rewritten");
        var record = h.Sequence(id);
        PromptChanges.Describe(record).Should().Be($"{id} take 3 prompts: same as take 2", "take 3 cherry-picked take 2's edited prompt");
        PromptChanges.Describe(record with { Takes = [.. record.Takes.Take(2)] }).Should()
            .Be($"{id} take 2 prompts changed since take 1: {shot2} (edit): \"slow push-in on the singer\"");
        var sent = h.ReadExecutions().Executions.Values.Where(e => e.StepId == id).OrderBy(e => e.Attempt).Last().Request;
        sent.Should().Contain("slow push-in on the singer");
    }

    [Fact]
    public async Task Generate_PromptEditWithoutAgain_PaysForANewTakeOnce_TheSameEditRunTwicePaysNothing()
    {
        await using var h = await StepHarness.StartAsync();
        var runner = h.Runner();
        var sequence = h.Plan.Sequences.First(s => s.Shots.Count >= 2);
        var (id, shot2) = (sequence.Id, sequence.Shots[1].Id);
        await h.PickedAsync(runner, id, new GridCell(0, 0));
        (await h.GenerateAsync(runner, id)).Succeeded.Should().BeTrue();
        GenerateRequest Edit(string text) => new() { Yes = true, PromptEdits = new Dictionary<string, string> { [shot2] = text } };

        var edited = await h.Clock.RunAsync(runner.GenerateAsync(id, Edit("slow push-in on the singer"), null, CancellationToken.None));
        var repeated = await h.Clock.RunAsync(runner.GenerateAsync(id, Edit("slow push-in on the singer"), null, CancellationToken.None));
        var plain = await h.Clock.RunAsync(runner.GenerateAsync(id, new GenerateRequest { Yes = true }, null, CancellationToken.None));
        var other = await h.Clock.RunAsync(runner.GenerateAsync(id, Edit("static wide shot"), null, CancellationToken.None));

        edited.Succeeded.Should().BeTrue(edited.Message);
        edited.CostUsd.Should().BeGreaterThan(0, "an edit is a new take: no --again needed");
        repeated.Message.Should().Be("take 2 already has these prompts; not generated again (--again pays for another take with them)");
        repeated.CostUsd.Should().Be(0);
        plain.Message.Should().StartWith("already has take 2");
        other.CostUsd.Should().BeGreaterThan(0, "a different edit is another take");
        h.Sequence(id).Takes.Select(t => t.ShotPrompts[1]).Should().Equal(sequence.Shots[1].Prompt, "slow push-in on the singer", "static wide shot");
        h.Emulator.GetStats().SubmitsAccepted.Should().Be(3, "the edit run twice was paid once");
    }

    [Fact]
    public async Task Generate_BadPromptOptions_AreOneLineNamingTheSequenceAndNothingIsSent()
    {
        await using var h = await StepHarness.StartAsync();
        var runner = h.Runner();
        var sequence = h.Plan.Sequences.First(s => s.Shots.Count >= 2);
        await h.PickedAsync(runner, sequence.Id, new GridCell(0, 0));
        var before = File.ReadAllText(h.Paths.SequencesFile);

        foreach (var request in new[]
        {
            new GenerateRequest { Yes = true, PromptsFrom = "4" },
            new GenerateRequest { Yes = true, PromptEdits = new Dictionary<string, string> { ["shot99"] = "x" } },
            new GenerateRequest { Yes = true, PromptEdits = new Dictionary<string, string> { [string.Empty] = "x" } },
            new GenerateRequest { Yes = true, Animate = "1" },
        })
        {
            var act = () => runner.GenerateAsync(sequence.Id, request, null, CancellationToken.None);
            (await act.Should().ThrowAsync<BadInputException>()).Which.Message.Should().StartWith(sequence.Id).And.NotContain("\n");
        }

        File.ReadAllText(h.Paths.SequencesFile).Should().Be(before);
        h.Stats.SubmitsAccepted.Should().Be(0);
    }

    [Fact]
    public async Task Generate_AnimateOnAModelWithNegativePrompts_SendsItAndOnO3RecordsItUnsent()
    {
        await using var h = await StepHarness.StartAsync();
        var runner = h.Runner();
        var sequence = h.Plan.Sequences.First(s => s.Shots.Count >= 2 && s.VideoModel is null);
        var id = sequence.Id;
        await h.PickedAsync(runner, id, new GridCell(0, 0));
        var analysis = await h.Clock.RunAsync(runner.AnalyzeAsync(id, new GeminiStructuredModel(h.Connections, h.GeminiOptions, h.Clock, 0.75m, 3.75m), false, null, CancellationToken.None));
        analysis.Succeeded.Should().BeTrue(analysis.Message);
        var answer = h.Sequence(id).Analyses[^1].Answer;

        var o3 = await h.Clock.RunAsync(runner.GenerateAsync(id, new GenerateRequest { Yes = true, Animate = "1" }, null, CancellationToken.None));
        o3.Succeeded.Should().BeTrue(o3.Message);
        var v3 = await h.Clock.RunAsync(runner.GenerateAsync(id, new GenerateRequest { Yes = true, Again = true, Animate = "1,2", Model = V3 }, null, CancellationToken.None));
        v3.Succeeded.Should().BeTrue(v3.Message);

        var takes = h.Sequence(id).Takes;
        var first = answer.MotionElements[0];
        takes[0].AnimatedElements.Should().Equal(first.Element);
        takes[0].Prompts.Should().OnlyContain(p => p.Source == "plan +animate" && p.Prompt.Contains($"Motion: {first.Element} {first.MotionType} ({first.Location})"));
        takes[0].NegativePrompt.Should().StartWith(h.Settings.NegativePromptBase);
        takes[0].NegativePromptSent.Should().BeFalse("O3 reference-to-video takes no negative_prompt (providers-2.md §4)");
        var notAnimated = answer.PotentialMovingElements.Where(e => !e.Contains(first.Element, StringComparison.OrdinalIgnoreCase)).ToList();
        notAnimated.Should().NotBeEmpty();
        takes[0].NegativePrompt.Should().ContainAll(notAnimated);
        takes[1].AnimatedElements.Should().HaveCount(2);
        takes[1].NegativePromptSent.Should().BeTrue();

        // What fal received: the emulator's own request history with payloads.
        using var ask = new HttpRequestMessage(HttpMethod.Get, $"{h.Emulator.FalPlatformUrl}/v1/models/requests/by-endpoint?endpoint_id={V3}&expand=payloads");
        ask.Headers.TryAddWithoutValidation("Authorization", "Key test-key");
        using var reply = await h.Http.SendAsync(ask);
        var body = await reply.Content.ReadAsStringAsync();
        reply.IsSuccessStatusCode.Should().BeTrue(body);
        var listing = JsonNode.Parse(body)!;
        var input = listing["items"]!.AsArray().Should().ContainSingle().Subject!["json_input"]!;
        ((string)input["negative_prompt"]!).Should().Be(takes[1].NegativePrompt);
        ((string)input["multi_prompt"]![0]!["prompt"]!).Should().Be(takes[1].ShotPrompts[0]);
    }
}
