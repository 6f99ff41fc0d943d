using StarSend.Core.Analysis;
using StarSend.Core.Errors;
using StarSend.Core.Executions;
using StarSend.Core.Sequences;
using StarSend.Core.Tests.Steps;
using StarSend.Core.Workflow;
using StarSend.Imaging;
using StarSend.Infrastructure.Gemini;
using StarSend.Infrastructure.State;

namespace StarSend.Core.Tests.Workflow;

/// <summary><c>analyze</c> against the emulator's Gemini: one structured vision call per start frame, stored with the frame it describes.</summary>
public sealed class AnalyzeTests
{
    private static GeminiStructuredModel Model(StepHarness h) => new(h.Connections, h.GeminiOptions, h.Clock, 0.75m, 3.75m);

    [Fact]
    public async Task AnalyzeAsync_PickedSequence_StoresASchemaValidAnswerDerivedFromThePixelsAndCountsItsCost()
    {
        await using var h = await StepHarness.StartAsync();
        var runner = h.Runner();
        await h.PickedAsync(runner, "SEQ01", new GridCell(0, 0));

        var outcome = await h.Clock.RunAsync(runner.AnalyzeAsync("SEQ01", Model(h), again: false, null, CancellationToken.None));

        outcome.Succeeded.Should().BeTrue(outcome.Message);
        var record = h.Sequence("SEQ01");
        record.State.Should().Be(SequenceState.StartFrameApproved, "analysis is data on the sequence, not a workflow step");
        var analysis = record.Analyses.Should().ContainSingle().Subject;
        analysis.StartFrameFile.Should().Be(record.StartFrame!.File);
        analysis.Model.Should().Be("gemini-3.8-flash");
        analysis.Answer.MotionElements.Should().HaveCountGreaterThanOrEqualTo(3).And.HaveCountLessThanOrEqualTo(8);
        analysis.Answer.PotentialMovingElements.Should().HaveCountGreaterThanOrEqualTo(5);
        AnalysisSchema.Check(File.ReadAllText(h.Paths.Full(analysis.File))).Should().BeNull();

        // The answer is the frame's own: its most common colour is the nearest named colour of the most pixels.
        var frame = ImageCodec.Decode(h.Paths.Full(record.StartFrame.File));
        analysis.Answer.Environment.DominantColors[0].Should().Be(MostCommonColour(frame));

        var execution = h.Execution("SEQ01_analysis#1");
        execution.Kind.Should().Be(ExecutionKind.Structured);
        execution.Status.Should().Be(ExecutionStatus.Complete);
        execution.CostUsd.Should().BePositive().And.Be(analysis.CostUsd);
        outcome.CostUsd.Should().Be(analysis.CostUsd);
        record.CostUsd.Should().Be(h.ReadExecutions().Executions.Values.Sum(e => e.CostUsd), "the sequence's cost agrees with the ledger");
        h.Requests("gemini").Should().Be(2, "one grid call, one analysis call");
    }

    [Fact]
    public async Task AnalyzeAsync_AgainWithoutAgainThenANewPick_SkipsFreeThenMarksStaleAndPaysOnceMore()
    {
        await using var h = await StepHarness.StartAsync();
        var runner = h.Runner();
        await h.PickedAsync(runner, "SEQ01", new GridCell(0, 0));
        (await h.Clock.RunAsync(runner.AnalyzeAsync("SEQ01", Model(h), false, null, CancellationToken.None))).Succeeded.Should().BeTrue();

        var skipped = await h.Clock.RunAsync(runner.AnalyzeAsync("SEQ01", Model(h), false, null, CancellationToken.None));
        skipped.Message.Should().StartWith("skipped");
        skipped.CostUsd.Should().Be(0);
        h.Requests("gemini").Should().Be(2);

        await runner.PickAsync("SEQ01", new GridCell(1, 1), null, null, CancellationToken.None);
        var record = h.Sequence("SEQ01");
        AnalysisStatus.Current(record, h.Paths).Should().BeNull();
        AnalysisStatus.Describe(record, h.Paths).Should().Contain("STALE");

        var again = await h.Clock.RunAsync(runner.AnalyzeAsync("SEQ01", Model(h), false, null, CancellationToken.None));
        again.Succeeded.Should().BeTrue(again.Message);
        record = h.Sequence("SEQ01");
        record.Analyses.Should().HaveCount(2);
        AnalysisStatus.Current(record, h.Paths)!.Number.Should().Be(2);
        h.Requests("gemini").Should().Be(3);
    }

    [Fact]
    public async Task AnalyzeAsync_FirstAnswerBreaksTheSchema_AsksOnceMoreAndCountsBothCalls()
    {
        await using var h = await StepHarness.StartAsync(faults: "gemini:schema-invalid@2");
        var runner = h.Runner();
        await h.PickedAsync(runner, "SEQ01", new GridCell(0, 0));

        var outcome = await h.Clock.RunAsync(runner.AnalyzeAsync("SEQ01", Model(h), false, null, CancellationToken.None));

        outcome.Succeeded.Should().BeTrue(outcome.Message);
        var failed = h.Execution("SEQ01_analysis#1");
        failed.Status.Should().Be(ExecutionStatus.Failed);
        failed.Error.Should().Contain("$.motion_elements");
        failed.CostUsd.Should().BePositive("an answer that broke the schema was still paid");
        h.Sequence("SEQ01").Analyses.Single().CostUsd.Should().Be(failed.CostUsd + h.Execution("SEQ01_analysis#2").CostUsd);
    }

    [Fact]
    public async Task AnalyzeAsync_EveryAnswerBreaksTheSchema_FailsNamingTheSequenceAfterOneRetryAndStoresNothing()
    {
        await using var h = await StepHarness.StartAsync(faults: "gemini:schema-invalid@2-9");
        var runner = h.Runner();
        await h.PickedAsync(runner, "SEQ01", new GridCell(0, 0));

        var outcome = await h.Clock.RunAsync(runner.AnalyzeAsync("SEQ01", Model(h), false, null, CancellationToken.None));

        outcome.ExitCode.Should().Be(ExitCodes.ProviderFailed);
        outcome.Message.Should().StartWith("SEQ01").And.Contain("does not match the schema").And.NotContain("\n");
        h.Sequence("SEQ01").Analyses.Should().BeEmpty();
        h.Requests("gemini").Should().Be(1 + StarSend.Core.Steps.StepRunner.StructuredAttempts);
    }

    [Fact]
    public async Task AnalyzeAsync_RunKilledAfterPayingBeforeStoring_NextRunCollectsThePaidAnswerWithoutAskingAgain()
    {
        await using var h = await StepHarness.StartAsync();
        var runner = h.Runner();
        await h.PickedAsync(runner, "SEQ01", new GridCell(0, 0));
        (await h.Clock.RunAsync(runner.AnalyzeAsync("SEQ01", Model(h), false, null, CancellationToken.None))).Succeeded.Should().BeTrue();
        // As if the run died between the ledger's "complete" and the write to sequences.json.
        await new SequenceStore(h.Paths, TimeProvider.System).UpdateAsync(
            doc => doc with { Sequences = new(doc.Sequences, StringComparer.Ordinal) { ["SEQ01"] = doc.Sequences["SEQ01"] with { Analyses = [] } } },
            CancellationToken.None);

        var outcome = await h.Clock.RunAsync(h.Runner().AnalyzeAsync("SEQ01", Model(h), false, null, CancellationToken.None));

        outcome.Succeeded.Should().BeTrue(outcome.Message);
        outcome.Message.Should().Contain("paid earlier");
        h.Requests("gemini").Should().Be(2, "the paid answer is collected, not asked for again");
        h.Sequence("SEQ01").Analyses.Single().ExecutionId.Should().Be("SEQ01_analysis#1");
        h.ReadExecutions().Executions.Values.Count(e => e.Kind == ExecutionKind.Structured).Should().Be(1);
    }

    [Fact]
    public async Task AnalyzeAsync_NoStartFrame_IsRefusedAsIllegalInThatStateWithNothingSent()
    {
        await using var h = await StepHarness.StartAsync();

        var act = () => h.Runner().AnalyzeAsync("SEQ01", Model(h), false, null, CancellationToken.None);

        (await act.Should().ThrowAsync<IllegalTransitionException>()).Which.Message.Should().Contain("SEQ01").And.Contain("pick");
        h.Requests("gemini").Should().Be(0);
    }

    private static string MostCommonColour(RgbaImage image)
    {
        (string Name, int R, int G, int B)[] palette =
        [
            ("black", 20, 20, 20), ("white", 235, 235, 235), ("grey", 128, 128, 128), ("red", 200, 40, 40), ("orange", 230, 130, 30),
            ("yellow", 230, 210, 50), ("green", 50, 160, 60), ("teal", 30, 140, 140), ("blue", 40, 70, 200), ("purple", 120, 50, 170),
            ("pink", 230, 120, 170), ("brown", 120, 80, 40),
        ];
        var counts = new int[palette.Length];
        var step = Math.Max(1, Math.Min(image.Width, image.Height) / 128);
        for (var y = 0; y < image.Height; y += step)
        {
            var row = image.Row(y);
            for (var x = 0; x < image.Width; x += step)
            {
                var (r, g, b) = (row[x * 4], row[(x * 4) + 1], row[(x * 4) + 2]);
                counts[Enumerable.Range(0, palette.Length).MinBy(i => Math.Pow(r - palette[i].R, 2) + Math.Pow(g - palette[i].G, 2) + Math.Pow(b - palette[i].B, 2))]++;
            }
        }

        return palette[Array.IndexOf(counts, counts.Max())].Name;
    }
}
