using System.Security.Cryptography;
using StarSend.Core.Errors;
using StarSend.Core.Executions;
using StarSend.Imaging.Video;

namespace StarSend.Core.Tests.Steps;

/// <summary>A downloaded video is kept only when it is a complete MP4 of the asked duration.</summary>
public sealed class StepDownloadTests
{
    [Fact]
    public async Task ExecuteVideo_VideoLongerThanAsked_IsRejectedAndDeleted()
    {
        await using var h = await StepHarness.StartAsync();
        var shot = h.Plan.FindSequence("SEQ06")!.Shots[0];
        var output = h.VideoPath("SEQ06_shot01.mp4");

        var rejected = await h.Invoking(_ => h.Clock.RunAsync(h.Steps(video: v => new LongerVideos(v, extraSeconds: 2)).ExecuteVideo(
            "SEQ06_shot01", StepHarness.RunId, h.WriteStartFrame("seq06.png", 6), shot.Prompt, h.Elements("dog"), shot.Duration, output, null, CancellationToken.None)))
            .Should().ThrowAsync<ProviderException>();

        rejected.Which.Kind.Should().Be(ProviderErrorKind.BadOutput);
        rejected.Which.Message.Should().Contain("lasts 7 s, 5 s were asked");
        File.Exists(output).Should().BeFalse();
        var record = h.Execution("SEQ06_shot01#1");
        record.Status.Should().Be(ExecutionStatus.Failed);
        record.Outputs.Should().BeEmpty();
        record.CostUsd.Should().Be(7 * h.VideoPrice, "the job was billed for what it made");
        h.Requests("download").Should().Be(1);
        h.Stats.SubmitsAccepted.Should().Be(1);
    }

    [Fact]
    public async Task ExecuteVideo_DownloadCutHalfWay_ResumesToACompleteMp4()
    {
        await using var h = await StepHarness.StartAsync(faults: "download:truncate@1");
        var shot = h.Plan.FindSequence("SEQ06")!.Shots[1];
        var output = h.VideoPath("SEQ06_shot02.mp4");

        var result = await h.Clock.RunAsync(h.Steps().ExecuteVideo(
            "SEQ06_shot02", StepHarness.RunId, h.WriteStartFrame("seq06.png", 6), shot.Prompt, h.Elements("dog"), shot.Duration, output, null, CancellationToken.None));

        h.Requests("download").Should().Be(2, "the cut transfer is resumed once");
        var bytes = File.ReadAllBytes(output);
        result.Bytes.Should().Be(bytes.Length);
        result.Sha256.Should().Be(Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Mp4Inspector.Inspect(output).DurationS.Should().BeApproximately(shot.Duration, 0.1);
        h.Execution("SEQ06_shot02#1").Outputs.Should().ContainSingle().Which.Sha256.Should().Be(result.Sha256);
        Directory.GetFiles(h.Paths.VideosDir).Should().ContainSingle("no .part file is left behind");
    }
}
