using StarSend.Core.Errors;
using StarSend.Core.Providers;
using StarSend.Imaging.Video;

namespace StarSend.Infrastructure.Tests.Leonardo;

/// <summary>The real Leonardo client against the emulator's Leonardo API over loopback (issue #11).</summary>
public sealed class LeonardoProviderTests
{
    [Theory]
    [InlineData("leonardo:kling-3.0", 5, "v2")]
    [InlineData("leonardo:veo-3.1-generate-001", 6, "v2")]
    [InlineData("leonardo:MOTION2", 5, "v1")]
    public async Task UploadCreatePollDownload_MakesAVerifiedMp4OfTheAskedDuration(string model, int seconds, string api)
    {
        await using var h = await LeonardoHarness.StartAsync();

        var handle = await h.SubmitAsync(model, seconds);
        var result = await h.WaitAsync(handle);
        var file = h.Inner.Temp.Combine("take.mp4");
        await h.Leonardo.DownloadAsync(result.VideoUrl, file, 1 << 26, CancellationToken.None);

        Mp4Inspector.Inspect(file).DurationS.Should().BeApproximately(seconds, 0.05);
        handle.Model.Should().Be(model);
        handle.StatusUrl.Should().EndWith($"/api/rest/v1/generations/{handle.RequestId}");
        handle.ReportedCost.Should().NotBeNull();
        handle.ReportedCost!.Unit.Should().Be("DOLLARS");
        handle.ReportedCost.Amount.Should().BeGreaterThan(0);
        result.CostUsd.Should().Be(seconds * h.Leonardo.EstimateCostUsd(LeonardoHarness.Job(model, "x", 1)), "StarSend's estimate is kept beside the reported cost");
        h.Requests("leonardo_init_image").Should().Be(1);
        h.Requests("leonardo_upload").Should().Be(1);
        h.Requests("leonardo_create").Should().Be(1);
        h.Inner.Emulator.GetStats().ByModel.Should().ContainKey($"leonardo:{api}");
        h.Inner.Emulator.GetStats().LeonardoGenerationsAccepted.Should().Be(1);
    }

    [Fact]
    public async Task Create_AnswerLost_IsSubmissionUnknownAndNotSentAgain()
    {
        await using var h = await LeonardoHarness.StartAsync("leonardo-create:lost-response@1");
        var id = await h.Leonardo.UploadForAsync("leonardo:kling-3.0", h.StartFrame(), "image/png", CancellationToken.None);

        var act = () => h.Clock.RunAsync(h.Leonardo.SubmitAsync(LeonardoHarness.Job("leonardo:kling-3.0", id), CancellationToken.None));

        (await act.Should().ThrowAsync<ProviderException>()).Which.Kind.Should().Be(ProviderErrorKind.SubmissionUnknown);
        h.Requests("leonardo_create").Should().Be(1, "a create that may have been accepted is never repeated (Leonardo's SDK would)");
        h.Inner.Emulator.GetStats().LeonardoGenerationsAccepted.Should().Be(1, "the emulator accepted and billed the job whose answer was lost");
    }

    [Theory]
    [InlineData("leonardo-create:429@1", ProviderErrorKind.Transient)]
    [InlineData("leonardo-create:503@1", ProviderErrorKind.Transient)]
    [InlineData("leonardo-create:500@1", ProviderErrorKind.SubmissionUnknown)]
    [InlineData("leonardo-create:502@1", ProviderErrorKind.SubmissionUnknown)]
    [InlineData("leonardo-create:hasura@1", ProviderErrorKind.Validation)]
    public async Task Create_ErrorAnswer_IsNeverRetriedAndSaysWhetherItWasPaid(string faults, ProviderErrorKind kind)
    {
        await using var h = await LeonardoHarness.StartAsync(faults);
        var id = await h.Leonardo.UploadForAsync("leonardo:kling-3.0", h.StartFrame(), "image/png", CancellationToken.None);

        var act = () => h.Clock.RunAsync(h.Leonardo.SubmitAsync(LeonardoHarness.Job("leonardo:kling-3.0", id), CancellationToken.None));

        var error = (await act.Should().ThrowAsync<ProviderException>()).Which;
        error.Kind.Should().Be(kind);
        error.Message.Should().NotContain(LeonardoHarness.Key);
        h.Requests("leonardo_create").Should().Be(1);
        h.Inner.Emulator.GetStats().LeonardoGenerationsAccepted.Should().Be(0);
        if (kind == ProviderErrorKind.Transient)
        {
            error.Message.Should().Contain("nothing was paid");
        }
    }

    [Fact]
    public async Task Create_HasuraArray_MessageIsReadFromTheArray()
    {
        await using var h = await LeonardoHarness.StartAsync("leonardo-create:hasura@1");
        var id = await h.Leonardo.UploadForAsync("leonardo:kling-3.0", h.StartFrame(), "image/png", CancellationToken.None);

        var act = () => h.Leonardo.SubmitAsync(LeonardoHarness.Job("leonardo:kling-3.0", id), CancellationToken.None);

        (await act.Should().ThrowAsync<ProviderException>()).Which.Message.Should().Contain("injected fault").And.Contain("validation-failed");
    }

    [Fact]
    public async Task Wait_FailedGeneration_IsJobFailed()
    {
        await using var h = await LeonardoHarness.StartAsync("leonardo-create:job-failed@1");
        var handle = await h.SubmitAsync("leonardo:kling-3.0");

        var act = () => h.WaitAsync(handle);

        (await act.Should().ThrowAsync<ProviderException>()).Which.Kind.Should().Be(ProviderErrorKind.JobFailed);
    }

    [Fact]
    public async Task Wait_StatusFaults_AreRetriedOnTheAdaptiveSchedule()
    {
        await using var h = await LeonardoHarness.StartAsync();
        var handle = await h.SubmitAsync("leonardo:kling-3.0");
        h.Inner.Emulator.SetFaults("leonardo-status:503@1;leonardo-status:429=3@3;leonardo-status:malformed@5");

        var result = await h.WaitAsync(handle);

        result.VideoUrl.AbsolutePath.Should().EndWith(".mp4");
        h.Clock.Waits.Should().Contain(TimeSpan.FromSeconds(3), "the 429's Retry-After is honoured");
        h.Requests("leonardo_status").Should().BeLessThan(15, "polls start at 0.5 s and grow 1.5x, so a 22 s job takes a dozen, not 44 at a fixed 500 ms");
    }

    [Fact]
    public async Task Wait_DeletedGeneration_IsExpired()
    {
        await using var h = await LeonardoHarness.StartAsync();
        var handle = await h.SubmitAsync("leonardo:kling-3.0");
        (await h.Leonardo.CancelAsync(handle, CancellationToken.None)).Should().Be(CancelOutcome.CancellationRequested);

        var act = () => h.WaitAsync(handle);

        (await act.Should().ThrowAsync<ProviderException>()).Which.Kind.Should().Be(ProviderErrorKind.Expired);
    }

    [Fact]
    public async Task Download_ExpiredVideoUrl_IsExpired()
    {
        await using var h = await LeonardoHarness.StartAsync("leonardo-download:expire");
        var handle = await h.SubmitAsync("leonardo:kling-3.0");
        var result = await h.WaitAsync(handle);

        var act = () => h.Leonardo.DownloadAsync(result.VideoUrl, h.Inner.Temp.Combine("gone.mp4"), 1 << 26, CancellationToken.None);

        (await act.Should().ThrowAsync<ProviderException>()).Which.Kind.Should().Be(ProviderErrorKind.Expired);
        File.Exists(h.Inner.Temp.Combine("gone.mp4")).Should().BeFalse();
    }

    [Fact]
    public async Task Upload_ExpiredPolicy_StartsOverWithAFreshInitImage()
    {
        await using var h = await LeonardoHarness.StartAsync("leonardo-upload:expire@2");

        var id = await h.Clock.RunAsync(h.Leonardo.UploadForAsync("leonardo:kling-3.0", h.StartFrame(), "image/png", CancellationToken.None));

        h.Requests("leonardo_init_image").Should().Be(2, "the first policy was refused as expired, so a new init image was asked for");
        h.Requests("leonardo_upload").Should().Be(2);
        var handle = await h.Leonardo.SubmitAsync(LeonardoHarness.Job("leonardo:kling-3.0", id), CancellationToken.None);
        handle.RequestId.Should().NotBeNullOrEmpty("the second init image holds the file");
    }

    [Fact]
    public async Task Upload_ImageOutsideTheModelsLimits_IsBadInputWithoutARequest()
    {
        await using var h = await LeonardoHarness.StartAsync();
        var tiny = h.StartFrame("tiny.png", 200, 120);

        var act = () => h.Leonardo.UploadForAsync("leonardo:kling-3.0", tiny, "image/png", CancellationToken.None);

        (await act.Should().ThrowAsync<BadInputException>()).Which.Message.Should().Contain("200x120").And.Contain("300 px");
        h.Requests("leonardo_init_image").Should().Be(0);
    }

    [Fact]
    public async Task Validate_ShotTheModelCannotTake_IsBadInput()
    {
        await using var h = await LeonardoHarness.StartAsync();

        var act = () => h.Leonardo.Validate(LeonardoHarness.Job("leonardo:veo-3.1-generate-001", "id", seconds: 5));

        act.Should().Throw<BadInputException>().WithMessage("*duration: 5 s, the model takes 4, 6 or 8 s*");
    }

    [Fact]
    public async Task Submit_NoKey_IsUnauthorizedWithoutARequest()
    {
        await using var h = await LeonardoHarness.StartAsync(configure: o => o with { Key = string.Empty });

        var act = () => h.Leonardo.SubmitAsync(LeonardoHarness.Job("leonardo:kling-3.0", "id"), CancellationToken.None);

        (await act.Should().ThrowAsync<ProviderException>()).Which.Message.Should().Contain("LEONARDO_API_KEY");
        h.Requests("leonardo_create").Should().Be(0);
    }

    [Fact]
    public async Task Calls_KeyGoesOnlyToTheApiAndNeverIntoLogsOrRecords()
    {
        await using var h = await LeonardoHarness.StartAsync("leonardo-status:503@1");
        var handle = await h.SubmitAsync("leonardo:kling-3.0");
        await h.WaitAsync(handle);

        h.Log.Text.Should().NotContain(LeonardoHarness.Key);
        h.Options.ToString().Should().NotContain(LeonardoHarness.Key);
        handle.ToString().Should().NotContain(LeonardoHarness.Key);
    }
}
