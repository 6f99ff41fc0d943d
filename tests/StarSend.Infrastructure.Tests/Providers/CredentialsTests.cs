using StarSend.Core.Errors;
using StarSend.Core.Settings;
using StarSend.Infrastructure.Fal;
using StarSend.Infrastructure.Gemini;

namespace StarSend.Infrastructure.Tests.Providers;

public sealed class CredentialsTests
{
    [Fact]
    public void FalFromEnvironment_FalKey_WinsOverIdAndSecret()
    {
        var env = new Dictionary<string, string?> { ["FAL_KEY"] = "abc:def", ["FAL_KEY_ID"] = "x", ["FAL_KEY_SECRET"] = "y" };

        FalCredentials.FromEnvironment(env).Should().Be("abc:def");
    }

    [Fact]
    public void FalFromEnvironment_IdAndSecret_AreJoinedWithAColon()
    {
        var env = new Dictionary<string, string?> { ["FAL_KEY_ID"] = "id1", ["FAL_KEY_SECRET"] = "s3cr3t" };

        FalCredentials.FromEnvironment(env).Should().Be("id1:s3cr3t");
    }

    [Fact]
    public void FalFromEnvironment_OnlyTheId_NamesTheMissingSecretWithoutShowingTheId()
    {
        var env = new Dictionary<string, string?> { ["FAL_KEY_ID"] = "id-value-123" };

        var act = () => FalCredentials.FromEnvironment(env);

        var error = act.Should().Throw<ProviderException>().Which;
        error.Kind.Should().Be(ProviderErrorKind.Unauthorized);
        error.Message.Should().Contain("FAL_KEY_SECRET").And.NotContain("id-value-123");
    }

    [Fact]
    public void FalFromEnvironment_NothingAndNotRequired_IsEmpty()
    {
        FalCredentials.FromEnvironment(new Dictionary<string, string?>(), required: false).Should().BeEmpty();
    }

    [Fact]
    public void GeminiFromEnvironment_Missing_NamesTheVariable()
    {
        var act = () => GeminiCredentials.FromEnvironment(new Dictionary<string, string?> { ["GEMINI_API_KEY"] = "  " });

        act.Should().Throw<ProviderException>().WithMessage("*GEMINI_API_KEY*");
    }

    [Fact]
    public void FromSettings_EnvironmentUrlsAndKeys_ArePickedUpAndNeverPrinted()
    {
        var env = new Dictionary<string, string?>
        {
            ["FAL_KEY"] = "fal-secret-value",
            ["GEMINI_API_KEY"] = "gemini-secret-value",
            ["STARSEND_FAL_QUEUE_URL"] = "http://127.0.0.1:5000",
            ["STARSEND_GEMINI_URL"] = "http://127.0.0.1:5001",
        };
        var settings = new ProjectSettings { VideoPricesPerSecond = new() { ["fal-ai/kling-video/o3/pro/reference-to-video"] = 0.2m } };

        var fal = FalOptions.FromSettings(settings, env);
        var gemini = GeminiOptions.FromSettings(settings, env);

        fal.QueueUrl.Should().Be(new Uri("http://127.0.0.1:5000"));
        fal.RestUrl.Should().Be(new Uri(SettingsDefaults.FalRestUrl));
        fal.PricesPerSecond["fal-ai/kling-video/o3/pro/reference-to-video"].Should().Be(0.2m);
        fal.PricesPerSecond.Should().ContainKey("fal-ai/kling-video/v3/pro/image-to-video");
        gemini.BaseUrl.Should().Be(new Uri("http://127.0.0.1:5001"));
        fal.ToString().Should().NotContain("fal-secret-value").And.Contain("***");
        gemini.ToString().Should().NotContain("gemini-secret-value").And.Contain("***");
    }
}
