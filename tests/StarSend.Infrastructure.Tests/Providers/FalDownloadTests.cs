using StarSend.Core.Errors;

namespace StarSend.Infrastructure.Tests.Providers;

public sealed class FalDownloadTests
{
    [Fact]
    public async Task DownloadAsync_Truncated_ResumesWithRangeAndEqualsTheFile()
    {
        await using var h = await ProviderHarness.StartAsync();
        var (url, original) = await UploadAsync(h, 300_000);
        h.Emulator.SetFaults("download:truncate=0.4@1");
        var destination = h.Temp.Combine("take01.mp4");

        var size = await h.Clock.RunAsync(h.Fal.DownloadAsync(url, destination, 10_000_000, CancellationToken.None));

        size.Should().Be(original.Length);
        (await File.ReadAllBytesAsync(destination)).Should().Equal(original);
        File.Exists(destination + ".part").Should().BeFalse();
        h.Requests("download").Should().Be(2);
    }

    [Fact]
    public async Task DownloadAsync_CompletedJobVideo_IsAnMp4OfTheAdvertisedSize()
    {
        await using var h = await ProviderHarness.StartAsync();
        var handle = await h.Fal.SubmitAsync(ProviderHarness.Job(), CancellationToken.None);
        var result = await h.WaitAsync(handle);
        var destination = h.Temp.Combine("take.mp4");

        var size = await h.Fal.DownloadAsync(result.VideoUrl, destination, 100_000_000, CancellationToken.None);

        size.Should().Be(result.FileSize);
        (await File.ReadAllBytesAsync(destination)).Skip(4).Take(4).Should().Equal("ftyp"u8.ToArray());
    }

    [Theory]
    [InlineData("download:503@1")]
    [InlineData("download:429=4@1")]
    public async Task DownloadAsync_TransientAnswer_IsRetried(string faults)
    {
        await using var h = await ProviderHarness.StartAsync();
        var (url, original) = await UploadAsync(h, 50_000);
        h.Emulator.SetFaults(faults);
        var destination = h.Temp.Combine("take.mp4");

        await h.Clock.RunAsync(h.Fal.DownloadAsync(url, destination, 10_000_000, CancellationToken.None));

        (await File.ReadAllBytesAsync(destination)).Should().Equal(original);
        h.Requests("download").Should().Be(2);
    }

    [Fact]
    public async Task DownloadAsync_Stall_IsBrokenOffAndDownloadedAgain()
    {
        await using var h = await ProviderHarness.StartAsync(fal: o => o with { DownloadIdleTimeout = TimeSpan.FromMinutes(6) });
        var (url, original) = await UploadAsync(h, 50_000);
        h.Emulator.SetFaults("download:stall=10@1");
        var destination = h.Temp.Combine("take.mp4");

        await h.Clock.RunAsync(h.Fal.DownloadAsync(url, destination, 10_000_000, CancellationToken.None), fireDeadlineAfter: TimeSpan.FromSeconds(1));

        (await File.ReadAllBytesAsync(destination)).Should().Equal(original);
        h.Requests("download").Should().Be(2);
    }

    [Fact]
    public async Task DownloadAsync_LargerThanAllowed_FailsAndLeavesNothing()
    {
        await using var h = await ProviderHarness.StartAsync();
        var (url, _) = await UploadAsync(h, 50_000);
        var destination = h.Temp.Combine("take.mp4");

        var act = () => h.Fal.DownloadAsync(url, destination, 10_000, CancellationToken.None);

        (await act.Should().ThrowAsync<ProviderException>()).Which.Kind.Should().Be(ProviderErrorKind.BadOutput);
        File.Exists(destination).Should().BeFalse();
        File.Exists(destination + ".part").Should().BeFalse();
        h.Requests("download").Should().Be(1);
    }

    [Fact]
    public async Task DownloadAsync_Expired_IsExpiredWithoutRetry()
    {
        await using var h = await ProviderHarness.StartAsync();
        var (url, _) = await UploadAsync(h, 1_000);
        h.Emulator.SetFaults("download:expire");

        var act = () => h.Fal.DownloadAsync(url, h.Temp.Combine("take.mp4"), 10_000, CancellationToken.None);

        (await act.Should().ThrowAsync<ProviderException>()).Which.Kind.Should().Be(ProviderErrorKind.Expired);
        h.Requests("download").Should().Be(1);
    }

    private static async Task<(Uri Url, byte[] Bytes)> UploadAsync(ProviderHarness h, int size)
    {
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        var path = h.Temp.Combine($"source-{size}.bin");
        await File.WriteAllBytesAsync(path, bytes);
        return (new Uri(await h.Fal.UploadAsync(path, "video/mp4", CancellationToken.None)), bytes);
    }
}
