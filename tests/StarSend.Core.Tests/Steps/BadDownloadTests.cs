using StarSend.Core.Errors;
using StarSend.Core.Executions;
using StarSend.Core.Steps;
using StarSend.Imaging.Video;

namespace StarSend.Core.Tests.Steps;

/// <summary>Issue #8 item 3: a bad download is downloaded again, never generated again; a lost result is said, never repaid silently.</summary>
public sealed class BadDownloadTests
{
    [Theory]
    [InlineData("download:html@1")]
    [InlineData("download:no-moov@1")]
    [InlineData("download:short=0.4@1")]
    [InlineData("download:truncate=0.3@1")]
    public async Task ExecuteVideo_FirstDownloadIsNotTheVideo_DownloadsAgainAndPaysOnce(string fault)
    {
        await using var h = await StepHarness.StartAsync(faults: fault);
        var shot = h.Plan.FindSequence("SEQ06")!.Shots[1];
        var output = h.VideoPath("SEQ06_shot02.mp4");

        var result = await h.Clock.RunAsync(h.Steps().ExecuteVideo(
            "SEQ06_shot02", StepHarness.RunId, h.WriteStartFrame("seq06.png", 6), shot.Prompt, h.Elements("dog"), shot.Duration, output, null, CancellationToken.None));

        Mp4Inspector.Inspect(output).DurationS.Should().BeApproximately(shot.Duration, 0.1);
        result.Bytes.Should().Be(new FileInfo(output).Length);
        h.Execution("SEQ06_shot02#1").ResultBytes.Should().Be(result.Bytes);
        h.Requests("download").Should().Be(2);
        h.Stats.SubmitsAccepted.Should().Be(1);
        Directory.GetFiles(h.Paths.VideosDir).Should().ContainSingle("nothing but the verified video is left");
    }

    [Fact]
    public async Task ExecuteVideo_DownloadNeverTheVideo_KeepsThePaidJobAndTheNextRunDownloadsIt()
    {
        await using var h = await StepHarness.StartAsync(faults: "download:html");
        var shot = h.Plan.FindSequence("SEQ06")!.Shots[0];
        var start = h.WriteStartFrame("seq06.png", 6);
        Task<StepResult> Run() => h.Clock.RunAsync(h.Steps().ExecuteVideo(
            "SEQ06_shot01", StepHarness.RunId, start, shot.Prompt, h.Elements("dog"), shot.Duration, h.VideoPath("SEQ06_shot01.mp4"), null, CancellationToken.None));

        var bad = await h.Invoking(_ => Run()).Should().ThrowAsync<ProviderException>();

        bad.Which.PaidJobKept.Should().BeTrue();
        bad.Which.Message.Should().Contain("HTML page").And.Contain("nothing is paid again");
        h.Requests("download").Should().Be(3, "bounded");
        var kept = h.Execution("SEQ06_shot01#1");
        kept.Status.Should().Be(ExecutionStatus.Submitted);
        kept.ResultUrl.Should().NotBeNull();
        File.Exists(h.VideoPath("SEQ06_shot01.mp4")).Should().BeFalse();

        h.Emulator.SetFaults(null);
        var result = await Run();

        result.ExecutionId.Should().Be("SEQ06_shot01#1");
        h.Stats.SubmitsAccepted.Should().Be(1);
        h.Requests("result").Should().Be(1, "the result URL was kept; only the file is fetched again");
    }

    [Theory]
    [InlineData("download:expire")]
    [InlineData("download:expire=410")]
    public async Task ExecuteVideo_ResultFilePastRetention_IsPaidResultLostAndOnlyAgainPaysForANewJob(string fault)
    {
        await using var h = await StepHarness.StartAsync(faults: fault);
        var shot = h.Plan.FindSequence("SEQ06")!.Shots[2];
        var start = h.WriteStartFrame("seq06.png", 6);
        Task<StepResult> Run(StepRunner steps) => h.Clock.RunAsync(steps.ExecuteVideo(
            "SEQ06_shot03", StepHarness.RunId, start, shot.Prompt, h.Elements("dog"), shot.Duration, h.VideoPath("SEQ06_shot03.mp4"), null, CancellationToken.None));

        var gone = await h.Invoking(_ => Run(h.Steps())).Should().ThrowAsync<ProviderException>();

        gone.Which.Message.Should().Contain("paid_result_lost").And.Contain("--again");
        h.Execution("SEQ06_shot03#1").Should().Match<ExecutionRecord>(e => e.Status == ExecutionStatus.PaidResultLost && e.Phase == "video_paid_result_lost" && e.CostUsd > 0);
        h.Emulator.SetFaults(null);

        var refused = await h.Invoking(_ => Run(h.Steps())).Should().ThrowAsync<ProviderException>();
        refused.Which.Message.Should().Contain("lost").And.Contain("--again");
        h.Stats.SubmitsAccepted.Should().Be(1, "a lost result is never paid for again silently");

        var again = await Run(h.Steps(o => o with { PayAgainForLost = true }));

        again.ExecutionId.Should().Be("SEQ06_shot03#2");
        h.Stats.SubmitsAccepted.Should().Be(2);
    }
}
