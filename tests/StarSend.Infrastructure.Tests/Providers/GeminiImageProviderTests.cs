using StarSend.Core.Errors;
using StarSend.Core.Providers;
using StarSend.Core.Settings;

namespace StarSend.Infrastructure.Tests.Providers;

public sealed class GeminiImageProviderTests
{
    private static readonly ImageJob Grid = new()
    {
        Prompt = "A 2x2 grid of four cinematic keyframes of the singer on a neon harbour",
        References = [new ReferenceImage([0x89, 0x50, 0x4E, 0x47, 1, 2, 3], "image/png")],
    };

    [Fact]
    public async Task GenerateAsync_Image_ReturnsThePngPricedFromItsImageTokens()
    {
        await using var h = await ProviderHarness.StartAsync();

        var image = await h.Gemini.GenerateAsync(Grid, CancellationToken.None);

        image.Data.Take(4).Should().Equal(0x89, 0x50, 0x4E, 0x47);
        image.MimeType.Should().Be("image/png");
        image.Model.Should().Be(SettingsDefaults.ImageModel);
        image.CostUsd.Should().Be(SettingsDefaults.ImagePrices[SettingsDefaults.ImageModel]);
        h.Requests("gemini").Should().Be(1);
        h.Emulator.GetStats().ImagesGenerated.Should().Be(1);
    }

    [Theory]
    [InlineData("no-image", ProviderErrorKind.NoImage, "NO_IMAGE")]
    [InlineData("text-only", ProviderErrorKind.NoImage, "it said")]
    [InlineData("image-safety", ProviderErrorKind.ContentPolicy, "IMAGE_SAFETY")]
    [InlineData("blocked", ProviderErrorKind.ContentPolicy, "blocked the prompt")]
    public async Task GenerateAsync_AnswerWithoutImage_FailsOnceWithTheReason(string fault, ProviderErrorKind kind, string reason)
    {
        await using var h = await ProviderHarness.StartAsync($"gemini:{fault}");

        var act = () => h.Gemini.GenerateAsync(Grid, CancellationToken.None);

        var error = (await act.Should().ThrowAsync<ProviderException>()).Which;
        error.Kind.Should().Be(kind);
        error.Message.Should().Contain(reason);
        h.Requests("gemini").Should().Be(1);
    }

    [Fact]
    public async Task GenerateAsync_NotAGrid_IsPassedOnForTheCallerToJudge()
    {
        await using var h = await ProviderHarness.StartAsync("gemini:not-grid");

        var image = await h.Gemini.GenerateAsync(Grid, CancellationToken.None);

        image.Data.Should().NotBeEmpty();
        h.Requests("gemini").Should().Be(1);
    }

    [Fact]
    public async Task GenerateAsync_PerMinuteQuota_WaitsTheRetryDelay()
    {
        await using var h = await ProviderHarness.StartAsync("gemini:429=53@1");
        var generate = h.Gemini.GenerateAsync(Grid, CancellationToken.None);

        await h.Clock.WaitForWaitAsync(w => w == TimeSpan.FromSeconds(53));
        h.Clock.Fake.Advance(TimeSpan.FromSeconds(52));
        h.Requests("gemini").Should().Be(1, "the client is waiting out RetryInfo.retryDelay");
        var image = await h.Clock.RunAsync(generate);

        image.Data.Should().NotBeEmpty();
        h.Clock.Waits.Should().Equal(TimeSpan.FromSeconds(53));
        h.Requests("gemini").Should().Be(2);
    }

    [Fact]
    public async Task GenerateAsync_RetryDelayLongerThanAllowed_FailsAtOnce()
    {
        await using var h = await ProviderHarness.StartAsync("gemini:429=600");

        var act = () => h.Gemini.GenerateAsync(Grid, CancellationToken.None);

        var error = (await act.Should().ThrowAsync<ProviderException>()).Which;
        error.Kind.Should().Be(ProviderErrorKind.Transient);
        error.Message.Should().Contain("600 s");
        h.Requests("gemini").Should().Be(1);
    }

    [Fact]
    public async Task GenerateAsync_DailyQuota_IsQuotaExhaustedWithoutRetry()
    {
        await using var h = await ProviderHarness.StartAsync("gemini:quota-day");

        var act = () => h.Gemini.GenerateAsync(Grid, CancellationToken.None);

        var error = (await act.Should().ThrowAsync<ProviderException>()).Which;
        error.Kind.Should().Be(ProviderErrorKind.QuotaExhausted);
        error.Message.Should().Contain("PerDay");
        h.Requests("gemini").Should().Be(1);
    }

    [Theory]
    [InlineData("500")]
    [InlineData("502")]
    [InlineData("503")]
    [InlineData("504")]
    [InlineData("malformed")]
    public async Task GenerateAsync_TransientFaultOnce_IsRetried(string fault)
    {
        await using var h = await ProviderHarness.StartAsync($"gemini:{fault}@1");

        var image = await h.Clock.RunAsync(h.Gemini.GenerateAsync(Grid, CancellationToken.None));

        image.Data.Should().NotBeEmpty();
        h.Requests("gemini").Should().Be(2);
    }

    [Fact]
    public async Task GenerateAsync_Stall_TimesOutAndRetries()
    {
        await using var h = await ProviderHarness.StartAsync("gemini:stall=10@1", gemini: o => o with { RequestTimeout = TimeSpan.FromMinutes(6) });

        var image = await h.Clock.RunAsync(h.Gemini.GenerateAsync(Grid, CancellationToken.None), fireDeadlineAfter: TimeSpan.FromSeconds(1));

        image.Data.Should().NotBeEmpty();
        h.Requests("gemini").Should().Be(2);
    }

    [Fact]
    public async Task GenerateAsync_ModelGone_FallsBackOnceAndKeepsUsingTheFallback()
    {
        await using var h = await ProviderHarness.StartAsync("gemini:model-gone@1");

        var first = await h.Gemini.GenerateAsync(Grid, CancellationToken.None);
        var second = await h.Gemini.GenerateAsync(Grid, CancellationToken.None);

        first.Model.Should().Be(SettingsDefaults.ImageFallbackModel);
        second.Model.Should().Be(SettingsDefaults.ImageFallbackModel);
        var stats = h.Emulator.GetStats();
        stats.ByModel.GetValueOrDefault(SettingsDefaults.ImageModel).Should().Be(1);
        stats.ByModel.GetValueOrDefault(SettingsDefaults.ImageFallbackModel).Should().Be(2);
    }

    [Fact]
    public async Task GenerateAsync_BothModelsGone_IsModelNotFoundNamingBoth()
    {
        await using var h = await ProviderHarness.StartAsync("gemini:model-gone");

        var act = () => h.Gemini.GenerateAsync(Grid, CancellationToken.None);

        var error = (await act.Should().ThrowAsync<ProviderException>()).Which;
        error.Kind.Should().Be(ProviderErrorKind.ModelNotFound);
        error.Message.Should().Contain(SettingsDefaults.ImageModel).And.Contain(SettingsDefaults.ImageFallbackModel);
        h.Requests("gemini").Should().Be(2);
    }

    [Fact]
    public async Task GenerateAsync_JobNamesItsModel_CallsExactlyThatModelWithoutTheProvidersOwnFallback()
    {
        // The StepRunner walks image_models itself, one recorded intent per model: the provider must not fall back inside one call.
        await using var h = await ProviderHarness.StartAsync($"gemini:model-gone={SettingsDefaults.ImageFallbackModel}");

        var pinned = await h.Gemini.GenerateAsync(Grid with { Model = SettingsDefaults.ImageModel }, CancellationToken.None);
        var act = () => h.Gemini.GenerateAsync(Grid with { Model = SettingsDefaults.ImageFallbackModel }, CancellationToken.None);

        pinned.Model.Should().Be(SettingsDefaults.ImageModel);
        var gone = (await act.Should().ThrowAsync<ProviderException>()).Which;
        (gone.Kind, gone.HttpStatus).Should().Be((ProviderErrorKind.ModelNotFound, (int?)404));
        h.Emulator.GetStats().ByModel.Should().Equal(new Dictionary<string, int> { [SettingsDefaults.ImageModel] = 1, [SettingsDefaults.ImageFallbackModel] = 1 });
    }

    [Fact]
    public async Task GenerateAsync_NoKey_IsUnauthorizedNamingTheVariable()
    {
        await using var h = await ProviderHarness.StartAsync(gemini: o => o with { ApiKey = " " });

        var act = () => h.Gemini.GenerateAsync(Grid, CancellationToken.None);

        var error = (await act.Should().ThrowAsync<ProviderException>()).Which;
        error.Kind.Should().Be(ProviderErrorKind.Unauthorized);
        error.Message.Should().Contain("GEMINI_API_KEY");
    }
}
