using System.Net;
using System.Net.Sockets;
using StarSend.Core.Errors;

namespace StarSend.Infrastructure.Tests.Providers;

public sealed class FalSubmitTests
{
    [Fact]
    public async Task SubmitAsync_Accepted_ReturnsTheUrlsTheServerGave()
    {
        await using var h = await ProviderHarness.StartAsync();

        var handle = await h.Fal.SubmitAsync(ProviderHarness.Job(), CancellationToken.None);

        handle.RequestId.Should().NotBeNullOrEmpty();
        handle.StatusUrl.Should().StartWith(h.Emulator.FalQueueUrl).And.Contain(handle.RequestId).And.EndWith("/status");
        handle.CancelUrl.Should().EndWith("/cancel");
        handle.DurationS.Should().Be(5);
        h.Emulator.GetStats().SubmitsAccepted.Should().Be(1);
        h.Emulator.GetStats().ByModel.Should().ContainKey(ProviderHarness.Model);
    }

    [Fact]
    public async Task SubmitAsync_LostResponse_IsSubmissionUnknownAndNeverResent()
    {
        await using var h = await ProviderHarness.StartAsync("submit:lost-response");

        var act = () => h.Fal.SubmitAsync(ProviderHarness.Job(), CancellationToken.None);

        (await act.Should().ThrowAsync<ProviderException>()).Which.Kind.Should().Be(ProviderErrorKind.SubmissionUnknown);
        h.Emulator.GetStats().SubmitsAccepted.Should().Be(1);
        h.Requests("submit").Should().Be(1);
    }

    [Fact]
    public async Task SubmitAsync_Stall_TimesOutAsSubmissionUnknownWithOneRequest()
    {
        await using var h = await ProviderHarness.StartAsync("submit:stall=10", fal: o => o with { RequestTimeout = TimeSpan.FromMinutes(6) });

        var act = () => h.Clock.RunAsync(h.Fal.SubmitAsync(ProviderHarness.Job(), CancellationToken.None), fireDeadlineAfter: TimeSpan.FromSeconds(1));

        var error = (await act.Should().ThrowAsync<ProviderException>()).Which;
        error.Kind.Should().Be(ProviderErrorKind.SubmissionUnknown);
        error.Message.Should().Contain("no answer within 360 s");
        h.Requests("submit").Should().Be(1);
    }

    [Fact]
    public async Task SubmitAsync_Malformed_IsSubmissionUnknown()
    {
        await using var h = await ProviderHarness.StartAsync("submit:malformed");

        var act = () => h.Fal.SubmitAsync(ProviderHarness.Job(), CancellationToken.None);

        (await act.Should().ThrowAsync<ProviderException>()).Which.Kind.Should().Be(ProviderErrorKind.SubmissionUnknown);
        h.Requests("submit").Should().Be(1);
    }

    [Fact]
    public async Task SubmitAsync_429_IsNotAcceptedWithTheWaitFalAsksFor()
    {
        await using var h = await ProviderHarness.StartAsync("submit:429=9");

        var act = () => h.Fal.SubmitAsync(ProviderHarness.Job(), CancellationToken.None);

        var error = (await act.Should().ThrowAsync<ProviderException>()).Which;
        error.Kind.Should().Be(ProviderErrorKind.NotAccepted);
        error.HttpStatus.Should().Be(429);
        error.RetryAfter.Should().Be(TimeSpan.FromSeconds(9));
        error.Message.Should().Contain("not accepted");
        h.Requests("submit").Should().Be(1, "the provider client sends a submit once; the step decides to send it again");
        h.Emulator.GetStats().SubmitsAccepted.Should().Be(0);
    }

    [Theory]
    [InlineData("500", 500)]
    [InlineData("502", 502)]
    [InlineData("503", 503)]
    [InlineData("504", 504)]
    public async Task SubmitAsync_ServerErrorAnswer_IsToBeLookedUpNotResent(string fault, int status)
    {
        await using var h = await ProviderHarness.StartAsync($"submit:{fault}");

        var act = () => h.Fal.SubmitAsync(ProviderHarness.Job(), CancellationToken.None);

        var error = (await act.Should().ThrowAsync<ProviderException>()).Which;
        error.Kind.Should().Be(ProviderErrorKind.SubmissionUnknown, "fal does not document that a 5xx on the POST means the job was not queued");
        error.HttpStatus.Should().Be(status);
        error.Message.Should().Contain("looked up");
        h.Requests("submit").Should().Be(1);
    }

    [Theory]
    [InlineData("submit:locked")]
    [InlineData("upload:locked")]
    public async Task Locked_IsAccountBlockedWithATopUpMessage(string fault)
    {
        await using var h = await ProviderHarness.StartAsync(fault);
        var png = Path.Combine(Path.GetTempPath(), $"starsend-locked-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(png, [0x89, 0x50, 0x4E, 0x47]);
        try
        {
            var act = fault.StartsWith("submit", StringComparison.Ordinal)
                ? () => h.Fal.SubmitAsync(ProviderHarness.Job(), CancellationToken.None)
                : (Func<Task>)(() => h.Fal.UploadAsync(png, "image/png", CancellationToken.None));

            var error = (await act.Should().ThrowAsync<AccountBlockedException>()).Which;
            error.ExitCode.Should().Be(6);
            error.Message.Should().Contain("locked or out of balance").And.Contain("top up").And.NotContain("FAL_KEY");
            h.Emulator.GetStats().SubmitsAccepted.Should().Be(0);
        }
        finally
        {
            File.Delete(png);
        }
    }

    [Fact]
    public async Task SubmitAsync_422DetailList_CarriesEveryItem()
    {
        await using var h = await ProviderHarness.StartAsync("submit:detail-list");

        var act = () => h.Fal.SubmitAsync(ProviderHarness.Job(), CancellationToken.None);

        var error = (await act.Should().ThrowAsync<ProviderException>()).Which;
        error.Kind.Should().Be(ProviderErrorKind.Validation);
        error.FieldErrors.Select(e => (e.Where, e.Type)).Should().Equal(
            ("body.start_image_url", "missing"), ("body.multi_prompt.1.duration", "literal_error"), ("body.root", "value_error"));
    }

    [Fact]
    public async Task SubmitAsync_UserTimeout_IsFinal()
    {
        await using var h = await ProviderHarness.StartAsync("submit:user-timeout");

        var act = () => h.Fal.SubmitAsync(ProviderHarness.Job(), CancellationToken.None);

        (await act.Should().ThrowAsync<ProviderException>()).Which.Kind.Should().Be(ProviderErrorKind.UserTimeout);
        h.Requests("submit").Should().Be(1);
    }

    [Fact]
    public async Task SubmitAsync_Unprocessable_IsValidationNamingTheField()
    {
        await using var h = await ProviderHarness.StartAsync("submit:422");

        var act = () => h.Fal.SubmitAsync(ProviderHarness.Job(), CancellationToken.None);

        var error = (await act.Should().ThrowAsync<ProviderException>()).Which;
        error.Kind.Should().Be(ProviderErrorKind.Validation);
        error.Message.Should().Contain("body.prompt: ");
        h.Requests("submit").Should().Be(1);
    }

    [Fact]
    public async Task SubmitAsync_ContentPolicy_IsContentPolicyWithTheProviderMessage()
    {
        await using var h = await ProviderHarness.StartAsync("submit:content-policy");

        var act = () => h.Fal.SubmitAsync(ProviderHarness.Job(), CancellationToken.None);

        var error = (await act.Should().ThrowAsync<ProviderException>()).Which;
        error.Kind.Should().Be(ProviderErrorKind.ContentPolicy);
        error.Message.Should().Contain("body.prompt: ").And.Contain("content");
        h.Requests("submit").Should().Be(1);
    }

    [Fact]
    public async Task SubmitAsync_InvalidJob_IsRefusedBeforeSending()
    {
        await using var h = await ProviderHarness.StartAsync();
        var job = ProviderHarness.Job(seconds: 16);

        var act = () => h.Fal.SubmitAsync(job, CancellationToken.None);

        (await act.Should().ThrowAsync<BadInputException>()).Which.Message.Should().Contain("shots[0].duration");
        h.Requests("submit").Should().Be(0);
    }

    [Fact]
    public async Task SubmitAsync_WrongKey_IsUnauthorizedWithoutTheKey()
    {
        await using var h = await ProviderHarness.StartAsync(fal: o => o with { Key = string.Empty });

        var act = () => h.Fal.SubmitAsync(ProviderHarness.Job(), CancellationToken.None);

        var error = (await act.Should().ThrowAsync<ProviderException>()).Which;
        error.Kind.Should().Be(ProviderErrorKind.Unauthorized);
        error.Message.Should().Contain("FAL_KEY is missing or wrong");
    }

    [Fact]
    public async Task SubmitAsync_ConnectionRefused_RetriesConnectingThenFailsTransient()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var h = await ProviderHarness.StartAsync(fal: o => o with { QueueUrl = new Uri($"http://127.0.0.1:{port}"), SubmitConnectAttempts = 3 });

        var act = () => h.Clock.RunAsync(h.Fal.SubmitAsync(ProviderHarness.Job(), CancellationToken.None));

        var error = (await act.Should().ThrowAsync<ProviderException>()).Which;
        error.Kind.Should().Be(ProviderErrorKind.Transient);
        error.Message.Should().Contain("nothing was submitted");
        h.Clock.Waits.Should().HaveCount(2, "three connection attempts have two back-off waits between them");
    }
}
