using StarSend.Core.Errors;
using StarSend.Core.Executions;
using StarSend.Core.Providers;
using StarSend.Core.Steps;

namespace StarSend.Core.Tests.Steps;

/// <summary>Issue #8 item 5: a submit whose answer was lost is looked up in fal's request history and adopted, not paid twice.</summary>
public sealed class SubmitLookupTests
{
    [Fact]
    public async Task ExecuteMultiShot_SubmitAnswerLost_AdoptsTheJobFromTheRequestHistoryInTheSameRun()
    {
        await using var h = await StepHarness.StartAsync(faults: "submit:lost-response@1");
        var (shots, prompts) = h.ShotsOf("SEQ03");
        var output = h.VideoPath("SEQ03_take01.mp4");

        var result = await h.Clock.RunAsync(h.Steps().ExecuteMultiShot(
            "SEQ03", StepHarness.RunId, h.WriteStartFrame("seq03.png", 3), h.Elements("singer", "dog"), shots, prompts, output, null, CancellationToken.None));

        result.ExecutionId.Should().Be("SEQ03#1");
        h.Stats.SubmitsAccepted.Should().Be(1, "the job fal accepted is the one collected");
        h.Requests("submit").Should().Be(1);
        h.Requests("requests").Should().BeGreaterThanOrEqualTo(1);
        var record = h.Execution("SEQ03#1");
        record.Status.Should().Be(ExecutionStatus.Complete);
        record.RequestId.Should().Be(result.RequestId).And.NotBeNullOrEmpty();
        h.ReadExecutions().Executions.Should().ContainSingle();
        File.Exists(output).Should().BeTrue();
    }

    [Fact]
    public async Task ExecuteMultiShot_HistoryUnreadableWhenTheAnswerWasLost_TheNextRunFindsTheJobWithoutResubmit()
    {
        await using var h = await StepHarness.StartAsync(faults: "submit:lost-response@1;requests:503");
        var (shots, prompts) = h.ShotsOf("SEQ04");
        var start = h.WriteStartFrame("seq04.png", 4);
        Task<StepResult> Run() => h.Clock.RunAsync(h.Steps().ExecuteMultiShot(
            "SEQ04", StepHarness.RunId, start, h.Elements("singer"), shots, prompts, h.VideoPath("SEQ04.mp4"), null, CancellationToken.None));

        var unknown = await h.Invoking(_ => Run()).Should().ThrowAsync<ProviderException>();
        unknown.Which.Kind.Should().Be(ProviderErrorKind.SubmissionUnknown);
        unknown.Which.Message.Should().Contain("request history");
        h.Execution("SEQ04#1").Status.Should().Be(ExecutionStatus.SubmissionUnknown);

        h.Emulator.SetFaults(null);
        var result = await Run();

        result.ExecutionId.Should().Be("SEQ04#1");
        result.Resumed.Should().BeTrue();
        h.Stats.SubmitsAccepted.Should().Be(1, "found in the history, the lost job is adopted: no --resubmit, no second job");
        h.Requests("submit").Should().Be(1);
    }

    [Fact]
    public async Task ExecuteVideo_SubmitLostBeforeItReachedFal_HistoryProvesItAndTheStepIsSubmittedOnce()
    {
        await using var h = await StepHarness.StartAsync();
        var shot = h.Plan.FindSequence("SEQ05")!.Shots[0];

        var result = await h.Clock.RunAsync(h.Steps(video: v => new FirstSubmitLostOnTheWay(v)).ExecuteVideo(
            "SEQ05_shot01", StepHarness.RunId, h.WriteStartFrame("seq05.png", 5), shot.Prompt, h.Elements("singer"), shot.Duration,
            h.VideoPath("SEQ05_shot01.mp4"), null, CancellationToken.None));

        result.ExecutionId.Should().Be("SEQ05_shot01#1");
        h.Stats.SubmitsAccepted.Should().Be(1);
        h.Requests("submit").Should().Be(1, "the history showed nothing was accepted, so it was sent once more");
        h.Requests("requests").Should().BeGreaterThanOrEqualTo(1);
    }

    /// <summary>The real provider, except that the first submit is reported lost without having been sent (a connection cut on the way out).</summary>
    private sealed class FirstSubmitLostOnTheWay(IVideoProvider inner) : IVideoProvider
    {
        private int _submits;

        public void Validate(VideoJob job) => inner.Validate(job);

        public decimal EstimateCostUsd(VideoJob job) => inner.EstimateCostUsd(job);

        public Task<string> UploadAsync(string localPath, string contentType, CancellationToken cancellationToken) => inner.UploadAsync(localPath, contentType, cancellationToken);

        public Task<VideoJobHandle> SubmitAsync(VideoJob job, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _submits) == 1
                ? throw new ProviderException("fal.ai submit: the connection broke before the answer", ProviderErrorKind.SubmissionUnknown)
                : inner.SubmitAsync(job, cancellationToken);

        public Task<VideoJobResult> WaitForResultAsync(VideoJobHandle handle, IProgress<JobProgress>? progress, CancellationToken cancellationToken) =>
            inner.WaitForResultAsync(handle, progress, cancellationToken);

        public Task<CancelOutcome> CancelAsync(VideoJobHandle handle, CancellationToken cancellationToken) => inner.CancelAsync(handle, cancellationToken);

        public Task<long> DownloadAsync(Uri url, string destinationPath, long maxBytes, CancellationToken cancellationToken) =>
            inner.DownloadAsync(url, destinationPath, maxBytes, cancellationToken);

        public Task<SubmitLookup> FindSubmittedAsync(VideoJob job, DateTimeOffset sentFrom, DateTimeOffset sentUntil, IReadOnlyCollection<string> known, CancellationToken cancellationToken) =>
            inner.FindSubmittedAsync(job, sentFrom, sentUntil, known, cancellationToken);
    }
}
