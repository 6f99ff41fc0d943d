using System.Security.Cryptography;
using StarSend.Core.Executions;
using StarSend.Core.Steps;
using StarSend.Imaging;
using StarSend.Imaging.Video;

namespace StarSend.Core.Tests.Steps;

/// <summary>Every paid call is on disk before it is paid, its request id before it is polled, its outcome after.</summary>
public sealed class StepRecordTests
{
    private static readonly Dictionary<string, TimeSpan> _slowSubmit = new() { ["submit"] = TimeSpan.FromSeconds(1) };

    [Fact]
    public async Task ExecuteMultiShot_Seq02_RecordsIntentThenRequestIdWhileQueuedThenOutputsAndCost()
    {
        await using var h = await StepHarness.StartAsync(queueWait: TimeSpan.FromSeconds(60), runTime: TimeSpan.FromSeconds(30), latency: _slowSubmit);
        var steps = h.Steps();
        var start = h.WriteStartFrame("seq02.png", seed: 2);
        var (shots, prompts) = h.ShotsOf("SEQ02");
        var output = h.VideoPath("SEQ02_take01.mp4");

        var run = steps.ExecuteMultiShot("SEQ02", StepHarness.RunId, start, h.Elements("singer", "bicycle"), shots, prompts, output, null, CancellationToken.None);

        // The submit has reached the emulator, which holds its answer until the clock moves.
        await StepHarness.WaitUntilAsync(() => h.Requests("submit") == 1, "the submit reaches the emulator");
        var intent = h.Execution("SEQ02#1");
        intent.Status.Should().Be(ExecutionStatus.Intent);
        intent.Phase.Should().Be("video_intent");
        intent.RequestId.Should().BeNull();
        intent.CostUsd.Should().Be(15 * h.VideoPrice, "an intent carries its estimate");
        intent.Request.Should().Contain(h.Plan.FindSequence("SEQ02")!.Shots[3].Prompt);
        h.Stats.SubmitsAccepted.Should().Be(0);

        h.Fake.Advance(TimeSpan.FromSeconds(1));
        await h.Clock.WaitForWaitAsync(_ => true);
        var submitted = h.Execution("SEQ02#1");
        submitted.Status.Should().Be(ExecutionStatus.Submitted);
        submitted.RequestId.Should().NotBeNullOrEmpty();
        submitted.StatusUrl.Should().StartWith(h.Emulator.FalQueueUrl);
        submitted.ResultUrl.Should().BeNull();
        h.Requests("status").Should().Be(1);
        (await h.StatusOfAsync(submitted.StatusUrl!)).Should().Be("IN_QUEUE", "the request id is on disk while the job still waits in the queue");

        var result = await h.Clock.RunAsync(run);

        var complete = h.Execution("SEQ02#1");
        complete.Status.Should().Be(ExecutionStatus.Complete);
        complete.RequestId.Should().Be(submitted.RequestId);
        complete.CostUsd.Should().Be(15 * h.VideoPrice).And.Be(result.CostUsd);
        complete.FinishedAt.Should().Be(h.Fake.GetUtcNow());
        complete.Outputs.Should().ContainSingle().Which.Should().Be(new OutputFile(
            output, new FileInfo(output).Length, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(output))), "mp4 640x360 15s"));
        Mp4Inspector.Inspect(output).DurationS.Should().BeApproximately(15, 0.1);
        result.Should().Match<StepResult>(r => r.ExecutionId == "SEQ02#1" && !r.Resumed && r.Bytes == complete.Outputs[0].Bytes);
        var stats = h.Stats;
        stats.SubmitsAccepted.Should().Be(1);
        stats.Requests["submit"].Should().Be(1);
        stats.Requests["result"].Should().Be(1);
        stats.Requests["download"].Should().Be(1);
        stats.Requests["upload_initiate"].Should().Be(3, "a start frame and two elements");
        stats.Requests["status"].Should().BeGreaterThan(2);
    }

    [Fact]
    public async Task ExecuteVideo_Seq08Shot03_RecordsOneShotCallAsItsOwnStep()
    {
        await using var h = await StepHarness.StartAsync();
        var steps = h.Steps();
        var shot = h.Plan.FindSequence("SEQ08")!.Shots[2];
        var output = h.VideoPath("SEQ08_shot03_take01.mp4");

        var result = await h.Clock.RunAsync(steps.ExecuteVideo(
            "SEQ08_shot03", StepHarness.RunId, h.WriteStartFrame("seq08.png", 8), shot.Prompt, h.Elements("singer", "lantern", "lighthouse"), shot.Duration, output, null, CancellationToken.None));

        var record = h.ReadExecutions().Executions.Should().ContainSingle().Which.Value;
        record.Id.Should().Be("SEQ08_shot03#1");
        record.StepId.Should().Be("SEQ08_shot03");
        record.Kind.Should().Be(ExecutionKind.Video);
        record.Status.Should().Be(ExecutionStatus.Complete);
        record.RunId.Should().Be(StepHarness.RunId);
        record.CostUsd.Should().Be(shot.Duration * h.VideoPrice);
        record.Outputs.Should().ContainSingle().Which.Check.Should().Be($"mp4 640x360 {shot.Duration}s");
        result.DurationS.Should().BeApproximately(shot.Duration, 0.1);
        h.Stats.SubmitsAccepted.Should().Be(1);
        h.Stats.ByModel.Should().Contain(h.Settings.VideoModel, 1);
    }

    [Fact]
    public async Task ExecuteKeyframe_Seq01Grid_RecordsIntentBeforeTheImageCallThenThePngAndItsCost()
    {
        await using var h = await StepHarness.StartAsync(latency: new Dictionary<string, TimeSpan> { ["gemini"] = TimeSpan.FromSeconds(1) });
        var steps = h.Steps();
        var output = Path.Combine(h.Paths.GridsDir, "SEQ01_grid.png");

        var run = steps.ExecuteKeyframe(
            "SEQ01_grid", StepHarness.RunId, "A 2x2 grid of four keyframes of a lighthouse", [h.ElementFile("lighthouse")], output, 0.067m, CancellationToken.None);

        await StepHarness.WaitUntilAsync(() => h.Requests("gemini") == 1, "the image call reaches the emulator");
        var intent = h.Execution("SEQ01_grid#1");
        intent.Should().Match<ExecutionRecord>(e => e.Status == ExecutionStatus.Intent && e.Kind == ExecutionKind.Keyframe && e.CostUsd == 0.067m);
        h.Stats.ImagesGenerated.Should().Be(0);

        h.Fake.Advance(TimeSpan.FromSeconds(1));
        var (result, image) = await h.Clock.RunAsync(run);

        var record = h.Execution("SEQ01_grid#1");
        record.Status.Should().Be(ExecutionStatus.Complete);
        record.Model.Should().Be(h.GeminiOptions.Model);
        record.CostUsd.Should().BePositive().And.Be(result.CostUsd);
        var bytes = File.ReadAllBytes(output);
        record.Outputs.Should().ContainSingle().Which.Should().Be(new OutputFile(
            output, bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)), $"png {image.Width}x{image.Height}"));
        ImageCodec.Decode(bytes).Width.Should().Be(image.Width);
        h.Stats.Requests["gemini"].Should().Be(1);
        h.Stats.ImagesGenerated.Should().Be(1);
    }
}
