using StarSend.Core.Errors;
using StarSend.Core.Providers;
using StarSend.Core.Settings;

namespace StarSend.Infrastructure.Tests.Providers;

/// <summary>
/// The Gemini shapes of issue #8 (field-log #1, #4, #12), served by the emulator as fault kinds and read by the
/// real client over loopback.
/// </summary>
public sealed class GeminiFieldKindTests
{
    private static readonly ImageJob Grid = new() { Prompt = "A 2x2 grid of four cinematic keyframes of the singer on a neon harbour" };

    private static decimal OneImage => SettingsDefaults.ImagePrices[SettingsDefaults.ImageModel];

    [Fact]
    public async Task ThoughtThenFinal_UsesTheFinalImageAndHandsOverTheDraftToo()
    {
        await using var h = await ProviderHarness.StartAsync("gemini:thought-then-final");

        var image = await h.Gemini.GenerateAsync(Grid, CancellationToken.None);

        image.Images.Should().HaveCount(2);
        image.Images[0].Thought.Should().BeTrue();
        image.Images[1].Chosen.Should().BeTrue();
        image.Data.Should().Equal(image.Images[1].Data).And.NotEqual(image.Images[0].Data);
        image.MimeType.Should().Be("image/png");
        image.CostUsd.Should().Be(OneImage, "one call is paid once, whatever its parts");
        h.Requests("gemini").Should().Be(1);
    }

    [Fact]
    public async Task AllThought_UsesTheLastImageInsteadOfFailing()
    {
        await using var h = await ProviderHarness.StartAsync("gemini:all-thought");

        var image = await h.Gemini.GenerateAsync(Grid, CancellationToken.None);

        image.Images.Should().HaveCount(2).And.OnlyContain(p => p.Thought);
        image.Data.Should().Equal(image.Images[^1].Data);
        image.CostUsd.Should().Be(OneImage);
        h.Requests("gemini").Should().Be(1);
    }

    [Fact]
    public async Task DuplicateImage_BothSpellingsRead_KeepsBothAndPaysOnce()
    {
        await using var h = await ProviderHarness.StartAsync("gemini:duplicate-image");

        var image = await h.Gemini.GenerateAsync(Grid, CancellationToken.None);

        image.Images.Should().HaveCount(2, "the second copy comes under inline_data/mime_type");
        image.Images[1].Chosen.Should().BeTrue();
        image.Images[0].Data.Should().Equal(image.Images[1].Data);
        image.CostUsd.Should().Be(OneImage);
    }

    [Theory]
    [InlineData("no-image", "NO_IMAGE")]
    [InlineData("image-other", "IMAGE_OTHER")]
    public async Task NoImageAnswer_IsKindNoImageForTheCallerToAskOnce(string fault, string reason)
    {
        await using var h = await ProviderHarness.StartAsync($"gemini:{fault}");

        var act = () => h.Gemini.GenerateAsync(Grid, CancellationToken.None);

        var error = (await act.Should().ThrowAsync<ProviderException>()).Which;
        error.Kind.Should().Be(ProviderErrorKind.NoImage);
        error.Message.Should().Contain(reason);
        h.Requests("gemini").Should().Be(1, "the provider makes one paid call; the workflow decides on the one retry");
    }

    [Theory]
    [InlineData("image-safety", "IMAGE_SAFETY")]
    [InlineData("image-prohibited", "IMAGE_PROHIBITED_CONTENT")]
    [InlineData("blocked", "SAFETY")]
    public async Task SafetyRefusal_IsContentPolicy(string fault, string reason)
    {
        await using var h = await ProviderHarness.StartAsync($"gemini:{fault}");

        var act = () => h.Gemini.GenerateAsync(Grid, CancellationToken.None);

        var error = (await act.Should().ThrowAsync<ProviderException>()).Which;
        error.Kind.Should().Be(ProviderErrorKind.ContentPolicy);
        error.Message.Should().Contain(reason);
        h.Requests("gemini").Should().Be(1);
    }

    [Theory]
    [InlineData("quota-free-tier", "limit of 0")]
    [InlineData("quota-day", "per day")]
    public async Task QuotaThatCannotRecover_BlocksTheProviderAtOnceAndForTheRestOfTheRun(string fault, string reason)
    {
        await using var h = await ProviderHarness.StartAsync($"gemini:{fault}");

        var first = await CatchAsync(() => h.Gemini.GenerateAsync(Grid, CancellationToken.None));
        var second = await CatchAsync(() => h.Gemini.GenerateAsync(Grid, CancellationToken.None));

        first.Should().BeOfType<AccountBlockedException>().Which.ExitCode.Should().Be(ExitCodes.AccountBlocked);
        first.Message.Should().Contain(reason).And.NotContain("GEMINI_API_KEY");
        second.Should().BeOfType<AccountBlockedException>().Which.Message.Should().StartWith("not sent");
        h.Requests("gemini").Should().Be(1, "no wait for retryDelay, no retry, and nothing more sent to Gemini");
        h.Clock.Waits.Should().BeEmpty();
    }

    [Fact]
    public async Task MinuteQuota_WaitsRetryDelayThenTheProviderKeepsWorking()
    {
        await using var h = await ProviderHarness.StartAsync("gemini:429=20@1");

        var first = await h.Clock.RunAsync(h.Gemini.GenerateAsync(Grid, CancellationToken.None));
        var second = await h.Gemini.GenerateAsync(Grid, CancellationToken.None);

        first.Data.Should().NotBeEmpty();
        second.Data.Should().NotBeEmpty();
        h.Clock.Waits.Should().Equal(TimeSpan.FromSeconds(20));
        h.Requests("gemini").Should().Be(3);
    }

    private static async Task<Exception> CatchAsync(Func<Task<GeneratedImage>> call)
    {
        try
        {
            await call();
        }
#pragma warning disable CA1031 // The test inspects whatever the call threw.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return ex;
        }

        throw new InvalidOperationException("the call was expected to fail");
    }
}
