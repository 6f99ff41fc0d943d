using StarSend.Core.Errors;
using StarSend.Core.Providers;
using Xunit.Abstractions;

namespace StarSend.Infrastructure.Tests.Providers;

public sealed class FalWaitTests(ITestOutputHelper output)
{
    [Fact]
    public async Task WaitForResultAsync_NormalJob_ReportsProgressAndPricesTheBilledUnits()
    {
        await using var h = await ProviderHarness.StartAsync(queueWait: TimeSpan.FromSeconds(3), runTime: TimeSpan.FromSeconds(30));
        var handle = await h.Fal.SubmitAsync(ProviderHarness.Job(seconds: 7), CancellationToken.None);
        var reports = new List<JobProgress>();

        var result = await h.WaitAsync(handle, reports);

        result.VideoUrl.Should().NotBeNull();
        result.ContentType.Should().Be("video/mp4");
        result.BillableUnits.Should().Be(7);
        result.CostUsd.Should().Be(7 * h.FalOptions.PricesPerSecond[ProviderHarness.Model]);
        reports.Select(r => r.Phase).Should().StartWith(JobPhase.InQueue).And.EndWith(JobPhase.Completed);
        reports.Should().Contain(r => r.QueuePosition != null);
        reports.Select(r => r.Elapsed).Should().BeInAscendingOrder();
        reports.SelectMany(r => r.Logs).Should().NotBeEmpty().And.OnlyHaveUniqueItems();
        h.Requests("status").Should().Be(reports.Count);
        h.Requests("result").Should().Be(1);
    }

    [Fact]
    public async Task WaitForResultAsync_FiveMinuteJob_PollsFarLessThanAFixedHalfSecond()
    {
        var run = TimeSpan.FromMinutes(5);
        var (adaptive, adaptiveLag) = await PollAsync(run, growth: 1.5, max: TimeSpan.FromSeconds(10));
        var (fixedPolls, _) = await PollAsync(run, growth: 1.0, max: TimeSpan.FromSeconds(0.5));

        output.WriteLine($"5-min job: adaptive 0.5 s x1.5 to 10 s = {adaptive} status calls, fixed 500 ms = {fixedPolls}; ratio {fixedPolls / (double)adaptive:0.0}x; completion seen {adaptiveLag.TotalSeconds:0.0} s late");
        fixedPolls.Should().BeInRange(600, 602);
        adaptive.Should().BeLessThan(fixedPolls / 10);
        adaptiveLag.Should().BeLessThanOrEqualTo(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task WaitForResultAsync_StatusTooManyRequests_WaitsTheRetryAfterThenGoesOn()
    {
        await using var h = await ProviderHarness.StartAsync();
        var handle = await h.SubmitThenFaultAsync("status:429=7@1");
        var wait = h.Fal.WaitForResultAsync(handle, null, CancellationToken.None);

        await h.Clock.WaitForWaitAsync(w => w == TimeSpan.FromSeconds(7));
        h.Requests("status").Should().Be(1);
        h.Clock.Fake.Advance(TimeSpan.FromSeconds(6.9));
        h.Requests("status").Should().Be(1, "the client is still waiting out Retry-After");
        var result = await h.Clock.RunAsync(wait);

        result.VideoUrl.Should().NotBeNull();
        h.Clock.Waits[0].Should().Be(TimeSpan.FromSeconds(7));
        h.Requests("status").Should().BeGreaterThan(2);
        h.Requests("result").Should().Be(1);
    }

    [Theory]
    [InlineData("500")]
    [InlineData("502")]
    [InlineData("503")]
    [InlineData("504")]
    public async Task WaitForResultAsync_StatusServerErrors_AreRetried(string fault)
    {
        await using var h = await ProviderHarness.StartAsync();
        var handle = await h.SubmitThenFaultAsync($"status:{fault}@1,2");
        var reports = new List<JobProgress>();

        var result = await h.WaitAsync(handle, reports);

        result.VideoUrl.Should().NotBeNull();
        h.Requests("status").Should().Be(reports.Count + 2);
    }

    [Fact]
    public async Task WaitForResultAsync_StatusAlwaysFailing_GivesUpTransientAfterTheRetryBudget()
    {
        await using var h = await ProviderHarness.StartAsync();
        var handle = await h.SubmitThenFaultAsync("status:503");

        var act = () => h.WaitAsync(handle);

        var error = (await act.Should().ThrowAsync<ProviderException>()).Which;
        error.Kind.Should().Be(ProviderErrorKind.Transient);
        error.HttpStatus.Should().Be(503);
        h.Requests("status").Should().Be(h.FalOptions.Retry.MaxRetries + 1);
        h.Clock.Waits.Should().OnlyContain(w => w <= h.FalOptions.Retry.MaxDelay);
    }

    [Fact]
    public async Task WaitForResultAsync_StatusUserTimeout_IsFinal()
    {
        await using var h = await ProviderHarness.StartAsync();
        var handle = await h.SubmitThenFaultAsync("status:user-timeout");

        var act = () => h.WaitAsync(handle);

        (await act.Should().ThrowAsync<ProviderException>()).Which.Kind.Should().Be(ProviderErrorKind.UserTimeout);
        h.Requests("status").Should().Be(1);
    }

    [Fact]
    public async Task WaitForResultAsync_StatusMalformedOnce_IsRetriedOnce()
    {
        await using var h = await ProviderHarness.StartAsync();
        var handle = await h.SubmitThenFaultAsync("status:malformed@1");
        var reports = new List<JobProgress>();

        await h.WaitAsync(handle, reports);

        h.Requests("status").Should().Be(reports.Count + 1);
    }

    [Fact]
    public async Task WaitForResultAsync_StatusAlwaysMalformed_FailsAfterTwoTries()
    {
        await using var h = await ProviderHarness.StartAsync();
        var handle = await h.SubmitThenFaultAsync("status:malformed");

        var act = () => h.WaitAsync(handle);

        (await act.Should().ThrowAsync<ProviderException>()).Which.Message.Should().Contain("not JSON");
        h.Requests("status").Should().Be(2);
    }

    [Fact]
    public async Task WaitForResultAsync_StatusStall_TimesOutTheCallAndRetries()
    {
        await using var h = await ProviderHarness.StartAsync(fal: o => o with { RequestTimeout = TimeSpan.FromMinutes(6) });
        var handle = await h.SubmitThenFaultAsync("status:stall=10@1");
        var reports = new List<JobProgress>();

        var result = await h.WaitAsync(handle, reports, fireDeadlineAfter: TimeSpan.FromSeconds(1));

        result.VideoUrl.Should().NotBeNull();
        h.Requests("status").Should().Be(reports.Count + 1);
    }

    [Theory]
    [InlineData("status")]
    [InlineData("result")]
    public async Task WaitForResultAsync_Expired_SaysSoAndDoesNotRetry(string target)
    {
        await using var h = await ProviderHarness.StartAsync();
        var handle = await h.SubmitThenFaultAsync($"{target}:expire");

        var act = () => h.WaitAsync(handle);

        var error = (await act.Should().ThrowAsync<ProviderException>()).Which;
        error.Kind.Should().Be(ProviderErrorKind.Expired);
        error.Message.Should().Contain(handle.RequestId).And.Contain("retention window");
        h.Requests(target).Should().Be(1);
    }

    [Fact]
    public async Task WaitForResultAsync_JobError422_TheResultAnswerDecides()
    {
        await using var h = await ProviderHarness.StartAsync("submit:job-error");
        var handle = await h.Fal.SubmitAsync(ProviderHarness.Job(), CancellationToken.None);

        var act = () => h.WaitAsync(handle);

        var error = (await act.Should().ThrowAsync<ProviderException>()).Which;
        error.Kind.Should().Be(ProviderErrorKind.Validation, "fal's own result answer (422) ends the job, not the status hint");
        error.FieldErrors.Should().ContainSingle().Which.Type.Should().Be("no_media_generated");
        error.RequestId.Should().Be(handle.RequestId);
        h.Requests("result").Should().Be(1);
    }

    [Fact]
    public async Task WaitForResultAsync_JobError500_FailsWithTheProviderMessageOnceTheResultAnswersTheSame()
    {
        await using var h = await ProviderHarness.StartAsync("submit:job-error=500");
        var handle = await h.Fal.SubmitAsync(ProviderHarness.Job(), CancellationToken.None);

        var act = () => h.WaitAsync(handle);

        var error = (await act.Should().ThrowAsync<ProviderException>()).Which;
        error.Kind.Should().Be(ProviderErrorKind.JobFailed);
        error.Message.Should().Contain(handle.RequestId).And.Contain("runner_server_error");
        error.RequestId.Should().Be(handle.RequestId);
        h.Requests("result").Should().BePositive();
    }

    [Fact]
    public async Task WaitForResultAsync_UndocumentedStatus_KeepsPollingUntilCompleted()
    {
        await using var h = await ProviderHarness.StartAsync("status:undocumented-status@1,2");
        var handle = await h.Fal.SubmitAsync(ProviderHarness.Job(), CancellationToken.None);

        var result = await h.WaitAsync(handle);

        result.VideoUrl.Should().NotBeNull();
        h.Requests("status").Should().BeGreaterThan(2);
    }

    [Fact]
    public async Task WaitForResultAsync_ResultRefusedLocked_IsAccountBlockedNotAKeyProblem()
    {
        await using var h = await ProviderHarness.StartAsync("result:locked");
        var handle = await h.Fal.SubmitAsync(ProviderHarness.Job(), CancellationToken.None);

        var act = () => h.WaitAsync(handle);

        var error = (await act.Should().ThrowAsync<AccountBlockedException>()).Which;
        error.ExitCode.Should().Be(ExitCodes.AccountBlocked);
        error.Message.Should().Contain("locked").And.Contain("top up").And.NotContain("FAL_KEY");
        h.Requests("result").Should().Be(1, "a refusal is not retried");
    }

    [Fact]
    public async Task WaitForResultAsync_StartDeadlinePassed_IsUserTimeout()
    {
        await using var h = await ProviderHarness.StartAsync(queueWait: TimeSpan.FromMinutes(2), fal: o => o with { StartTimeout = TimeSpan.FromMinutes(1) });
        var handle = await h.Fal.SubmitAsync(ProviderHarness.Job(), CancellationToken.None);

        var act = () => h.WaitAsync(handle);

        (await act.Should().ThrowAsync<ProviderException>()).Which.Kind.Should().Be(ProviderErrorKind.UserTimeout);
    }

    [Fact]
    public async Task WaitForResultAsync_Hang_GivesUpAtMaxWaitLeavingTheJobResumable()
    {
        await using var h = await ProviderHarness.StartAsync("submit:hang", fal: o => o with { MaxWait = TimeSpan.FromMinutes(3) });
        var handle = await h.Fal.SubmitAsync(ProviderHarness.Job(), CancellationToken.None);
        var started = h.Clock.GetUtcNow();

        var act = () => h.WaitAsync(handle);

        var error = (await act.Should().ThrowAsync<ProviderException>()).Which;
        error.Kind.Should().Be(ProviderErrorKind.Transient, "a transient failure keeps the request id for the next run");
        error.Message.Should().Contain("still IN_PROGRESS");
        (h.Clock.GetUtcNow() - started).Should().BeCloseTo(TimeSpan.FromMinutes(3), TimeSpan.FromSeconds(10));
        h.Requests("result").Should().Be(0);
    }

    [Fact]
    public async Task WaitForResultAsync_ResultServerErrorOnce_IsRetried()
    {
        await using var h = await ProviderHarness.StartAsync();
        var handle = await h.SubmitThenFaultAsync("result:503@1");

        var result = await h.WaitAsync(handle);

        result.VideoUrl.Should().NotBeNull();
        h.Requests("result").Should().Be(2);
    }

    [Fact]
    public async Task WaitForResultAsync_ResultTooManyRequests_HonoursRetryAfter()
    {
        await using var h = await ProviderHarness.StartAsync();
        var handle = await h.SubmitThenFaultAsync("result:429=3@1");

        await h.WaitAsync(handle);

        h.Clock.Waits[^1].Should().Be(TimeSpan.FromSeconds(3));
        h.Requests("result").Should().Be(2);
    }

    [Fact]
    public async Task WaitForResultAsync_ResultMalformedOnce_IsRetriedOnce()
    {
        await using var h = await ProviderHarness.StartAsync();
        var handle = await h.SubmitThenFaultAsync("result:malformed@1");

        var result = await h.WaitAsync(handle);

        result.VideoUrl.Should().NotBeNull();
        h.Requests("result").Should().Be(2);
    }

    private static async Task<(int StatusCalls, TimeSpan Lag)> PollAsync(TimeSpan runTime, double growth, TimeSpan max)
    {
        await using var h = await ProviderHarness.StartAsync(
            queueWait: TimeSpan.Zero, runTime: runTime, fal: o => o with { PollInitial = TimeSpan.FromSeconds(0.5), PollGrowth = growth, PollMax = max });
        var submitted = h.Clock.GetUtcNow();
        var handle = await h.Fal.SubmitAsync(ProviderHarness.Job(), CancellationToken.None);

        await h.WaitAsync(handle);

        return (h.Requests("status"), h.Clock.GetUtcNow() - (submitted + runTime));
    }
}
