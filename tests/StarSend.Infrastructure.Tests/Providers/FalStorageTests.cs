using StarSend.Core.Errors;

namespace StarSend.Infrastructure.Tests.Providers;

public sealed class FalStorageTests
{
    [Fact]
    public async Task UploadAsync_File_ReturnsAUrlServingTheSameBytes()
    {
        await using var h = await ProviderHarness.StartAsync();
        var path = WriteFile(h, "singer.png", 40_000);

        var url = await h.Fal.UploadAsync(path, "image/png", CancellationToken.None);

        (await h.Http.GetByteArrayAsync(new Uri(url))).Should().Equal(await File.ReadAllBytesAsync(path));
        h.Requests("upload_initiate").Should().Be(1);
        h.Requests("upload_put").Should().Be(1);
    }

    [Theory]
    [InlineData("upload:503@1")]
    [InlineData("upload:429=2@1")]
    [InlineData("upload:500@2")]
    public async Task UploadAsync_TransientFault_IsRetriedAndStillUploads(string faults)
    {
        await using var h = await ProviderHarness.StartAsync(faults);
        var path = WriteFile(h, "car.png", 10_000);

        var url = await h.Clock.RunAsync(h.Fal.UploadAsync(path, "image/png", CancellationToken.None));

        (await h.Http.GetByteArrayAsync(new Uri(url))).Should().Equal(await File.ReadAllBytesAsync(path));
        (h.Requests("upload_initiate") + h.Requests("upload_put")).Should().Be(3, "one of the two calls was answered with an error and sent again");
    }

    [Fact]
    public async Task UploadAsync_MissingFile_IsBadInputWithoutARequest()
    {
        await using var h = await ProviderHarness.StartAsync();

        var act = () => h.Fal.UploadAsync(h.Temp.Combine("nope.png"), "image/png", CancellationToken.None);

        (await act.Should().ThrowAsync<BadInputException>()).Which.Message.Should().Contain("nope.png");
        h.Requests("upload_initiate").Should().Be(0);
    }

    private static string WriteFile(ProviderHarness h, string name, int size)
    {
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        var path = h.Temp.Combine(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
