using StarSend.Core.Providers;

namespace StarSend.Infrastructure.Tests.Providers;

public sealed class FalCancelTests
{
    [Fact]
    public async Task CancelAsync_QueuedJob_IsCancellationRequested()
    {
        await using var h = await ProviderHarness.StartAsync(queueWait: TimeSpan.FromMinutes(1));
        var handle = await h.Fal.SubmitAsync(ProviderHarness.Job(), CancellationToken.None);

        var outcome = await h.Fal.CancelAsync(handle, CancellationToken.None);

        outcome.Should().Be(CancelOutcome.CancellationRequested);
        h.Requests("cancel").Should().Be(1);
    }

    [Fact]
    public async Task CancelAsync_CompletedJob_IsAlreadyCompleted()
    {
        await using var h = await ProviderHarness.StartAsync();
        var handle = await h.Fal.SubmitAsync(ProviderHarness.Job(), CancellationToken.None);
        await h.WaitAsync(handle);

        var outcome = await h.Fal.CancelAsync(handle, CancellationToken.None);

        outcome.Should().Be(CancelOutcome.AlreadyCompleted);
    }

    [Fact]
    public async Task CancelAsync_UnknownRequest_IsNotFound()
    {
        await using var h = await ProviderHarness.StartAsync();
        var handle = await h.Fal.SubmitAsync(ProviderHarness.Job(), CancellationToken.None);
        var unknown = handle with { RequestId = "no-such-id", CancelUrl = handle.CancelUrl.Replace(handle.RequestId, "no-such-id", StringComparison.Ordinal) };

        var outcome = await h.Fal.CancelAsync(unknown, CancellationToken.None);

        outcome.Should().Be(CancelOutcome.NotFound);
    }

    [Fact]
    public async Task CancelAsync_ServerErrorOnce_IsRetried()
    {
        await using var h = await ProviderHarness.StartAsync(queueWait: TimeSpan.FromMinutes(1));
        var handle = await h.SubmitThenFaultAsync("cancel:503@1");

        var outcome = await h.Clock.RunAsync(h.Fal.CancelAsync(handle, CancellationToken.None));

        outcome.Should().Be(CancelOutcome.CancellationRequested);
        h.Requests("cancel").Should().Be(2);
    }
}
