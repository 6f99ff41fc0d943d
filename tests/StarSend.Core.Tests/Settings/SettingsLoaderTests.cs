using StarSend.Core.Errors;
using StarSend.Core.Projects;
using StarSend.Core.Settings;
using StarSend.Testing;

namespace StarSend.Core.Tests.Settings;

public sealed class SettingsLoaderTests : IDisposable
{
    private static readonly Dictionary<string, string?> NoEnvironment = [];

    private readonly TempDirectory _temp = new();
    private readonly ProjectPaths _paths;

    public SettingsLoaderTests()
    {
        _paths = new ProjectPaths(_temp.Path);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Load_NoFile_ReturnsDefaults()
    {
        var settings = SettingsLoader.Load(_paths, NoEnvironment);

        settings.Should().BeEquivalentTo(new ProjectSettings());
        settings.Concurrency.Should().Be(SettingsDefaults.Concurrency);
        settings.BudgetUsd.Should().BeNull();
        File.Exists(_paths.SettingsFile).Should().BeFalse();
    }

    [Fact]
    public void Load_FullFile_ReadsEveryValue()
    {
        Write("""
            {
              // comments are fine
              "video_model": "fal-ai/kling-video/o3/standard/reference-to-video",
              "image_model": "gemini-3-pro-image-preview",
              "image_fallback_model": "gemini-3.1-flash-image-preview",
              "concurrency": 4,
              "budget_usd": 100.5,
              "grid_retries": 0,
              "fal_queue_url": "http://127.0.0.1:5005/",
              "fal_rest_url": "http://127.0.0.1:5005/rest",
              "gemini_url": "http://127.0.0.1:5005",
              "video_prices_per_second": { "fal-ai/kling-video/o3/standard/reference-to-video": 0.09 },
              "image_prices": { "gemini-3-pro-image-preview": 0.2 },
            }
            """);

        var settings = SettingsLoader.Load(_paths, NoEnvironment);

        settings.VideoModel.Should().Be("fal-ai/kling-video/o3/standard/reference-to-video");
        settings.ImageModel.Should().Be("gemini-3-pro-image-preview");
        settings.ImageFallbackModel.Should().Be("gemini-3.1-flash-image-preview");
        (settings.Concurrency, settings.BudgetUsd, settings.GridRetries).Should().Be((4, 100.5m, 0));
        settings.FalQueueUrl.Should().Be("http://127.0.0.1:5005");
        settings.FalRestUrl.Should().Be("http://127.0.0.1:5005/rest");
        settings.VideoPricesPerSecond.Should().Equal(new Dictionary<string, decimal> { ["fal-ai/kling-video/o3/standard/reference-to-video"] = 0.09m });
        settings.ImagePrices["gemini-3-pro-image-preview"].Should().Be(0.2m);
    }

    [Fact]
    public void Load_EnvironmentUrls_OverrideFileAndDefaults()
    {
        Write("""{ "fal_queue_url": "https://queue.example.com", "concurrency": 3 }""");
        var environment = new Dictionary<string, string?>
        {
            [SettingsLoader.FalQueueUrlVariable] = "http://127.0.0.1:7000/",
            [SettingsLoader.FalRestUrlVariable] = "http://127.0.0.1:7000",
            [SettingsLoader.GeminiUrlVariable] = "  ",
            ["FAL_KEY"] = "secret-value",
        };

        var settings = SettingsLoader.Load(_paths, environment);

        settings.FalQueueUrl.Should().Be("http://127.0.0.1:7000");
        settings.FalRestUrl.Should().Be("http://127.0.0.1:7000");
        settings.GeminiUrl.Should().Be(SettingsDefaults.GeminiUrl);
        settings.Concurrency.Should().Be(3);
        settings.ToString().Should().NotContain("secret-value");
    }

    [Fact]
    public void Load_ImageSize_DefaultsTo2KAndTakesOnlyGeminiSizes()
    {
        SettingsLoader.Load(_paths, NoEnvironment).ImageSize.Should().Be("2K", "a 16:9 cell of a 2K grid is at least 1280 px wide");

        Write("""{ "image_size": "4K" }""");
        SettingsLoader.Load(_paths, NoEnvironment).ImageSize.Should().Be("4K");

        Write("""{ "image_size": "2k" }""");
        var act = () => SettingsLoader.Load(_paths, NoEnvironment);
        act.Should().Throw<BadInputException>().WithMessage("starsend.json $.image_size: \"2k\" is not an image size; use one of 512, 1K, 2K, 4K");
    }

    [Fact]
    public void Load_ManyBadValues_ReportsEveryProblemOnItsOwnLine()
    {
        Write("""
            {
              "concurrency": 0,
              "budget_usd": "lots",
              "grid_retries": 2.5,
              "video_model": "../../etc",
              "gemini_url": "ftp://example.com",
              "fal_rest_url": "https://rest.example.com/?key=AIzaSECRET",
              "image_prices": { "gemini-3-pro-image-preview": -1 },
              "fal_key": "abc-SECRET",
              "budget": 100
            }
            """);

        var act = () => SettingsLoader.Load(_paths, NoEnvironment);

        var error = act.Should().Throw<BadInputException>().Which;
        error.ExitCode.Should().Be(ExitCodes.BadInput);
        error.Message.Should().NotContain("SECRET");
        error.Message.Split('\n').Should().Equal(
            "starsend.json $.fal_key: keys are not settings: set FAL_KEY, GEMINI_API_KEY and LEONARDO_API_KEY in the environment",
            "starsend.json $.budget: unknown setting; known: analysis_model, budget_usd, concurrency, fal_queue_url, fal_rest_url, gemini_url, grid_retries, image_fallback_model, image_model, image_models, image_prices, image_size, leonardo_url, negative_prompt_base, prices_checked_on, retired_video_models, video_model, video_models, video_prices_per_second",
            "starsend.json $.video_model: \"../../etc\" is not a model id (letters, digits, '.', '_', '-', '/' and one 'provider:' prefix)",
            "starsend.json $.fal_rest_url: a base URL cannot carry user info, a query or a fragment (keys come from FAL_KEY and GEMINI_API_KEY)",
            "starsend.json $.gemini_url: expected an absolute http or https URL",
            "starsend.json $.concurrency: expected a whole number from 1 to 16, got 0",
            "starsend.json $.grid_retries: expected a whole number from 0 to 10, got 2.5",
            "starsend.json $.budget_usd: expected an amount of US dollars, got \"lots\"",
            "starsend.json $.image_prices[\"gemini-3-pro-image-preview\"]: must be 0 or more, got -1");
    }

    [Theory]
    [InlineData("{ \"concurrency\": 2,, }", "starsend.json: not valid JSON at line 1")]
    [InlineData("[]", "starsend.json $: expected an object, got an array")]
    [InlineData("", "starsend.json: not valid JSON at line 1, column 1")]
    [InlineData("{ \"budget_usd\": 0 }", "starsend.json $.budget_usd: must be more than 0 US dollars")]
    [InlineData("{ \"concurrency\": null }", "starsend.json $.concurrency: cannot be null")]
    [InlineData("{ \"video_prices_per_second\": [] }", "starsend.json $.video_prices_per_second: expected an object")]
    public void Load_BadFile_ThrowsBadInputNamingTheProblem(string json, string expected)
    {
        Write(json);

        var act = () => SettingsLoader.Load(_paths, NoEnvironment);

        act.Should().Throw<BadInputException>().Which.Message.Should().StartWith(expected);
    }

    [Fact]
    public void Load_ModelLists_AreTheChainsAndSetThePrimaryModels()
    {
        Write("""
            {
              "video_models": ["fal-ai/kling-video/o3/pro/reference-to-video", "leonardo:kling-3.0"],
              "image_models": ["gemini-3-pro-image-preview", "gemini-3.1-flash-image-preview"]
            }
            """);

        var settings = SettingsLoader.Load(_paths, NoEnvironment);

        settings.VideoModelChain().Should().Equal("fal-ai/kling-video/o3/pro/reference-to-video", "leonardo:kling-3.0");
        settings.ImageModelChain().Should().Equal("gemini-3-pro-image-preview", "gemini-3.1-flash-image-preview");
        (settings.VideoModel, settings.ImageModel).Should().Be(("fal-ai/kling-video/o3/pro/reference-to-video", "gemini-3-pro-image-preview"));
    }

    [Fact]
    public void Load_SingularModels_AreOneItemChainsWithTheImageFallback()
    {
        Write("""{ "video_model": "leonardo:kling-3.0", "image_model": "gemini-3-pro-image-preview" }""");

        var settings = SettingsLoader.Load(_paths, NoEnvironment);

        settings.VideoModelChain().Should().Equal("leonardo:kling-3.0");
        settings.ImageModelChain().Should().Equal("gemini-3-pro-image-preview");
        new ProjectSettings().ImageModelChain().Should().Equal(SettingsDefaults.ImageModel, SettingsDefaults.ImageFallbackModel);
    }

    [Theory]
    [InlineData("""{ "video_models": ["leonardo:kling-3.0"], "video_model": "leonardo:kling-3.0" }""", "starsend.json $.video_models: give either video_models or video_model, not both")]
    [InlineData("""{ "image_models": ["gemini-3-pro-image-preview"], "image_fallback_model": "gemini-3-pro-image-preview" }""", "starsend.json $.image_models: give either image_models or image_fallback_model, not both")]
    [InlineData("""{ "video_models": [] }""", "starsend.json $.video_models: is empty")]
    [InlineData("""{ "video_models": "leonardo:kling-3.0" }""", "starsend.json $.video_models: expected an array")]
    [InlineData("""{ "video_models": ["leonardo:kling-3.0", "LEONARDO:kling-3.0"] }""", "starsend.json $.video_models[1]: LEONARDO:kling-3.0 is listed twice")]
    [InlineData("""{ "video_models": ["leonardo:kling-3.0", "sora-2"] }""", "starsend.json $.video_models[1]: ")]
    [InlineData("""{ "video_models": ["fal-ai/kling-video/o3/pro/reference-to-video", "leonardo:no-such-model"] }""", "starsend.json $.video_models[1]: video model 'leonardo:no-such-model' is not a Leonardo model StarSend knows")]
    [InlineData("""{ "video_models": ["openai:sora-2"] }""", "starsend.json $.video_models[0]: ")]
    [InlineData("""{ "image_models": ["gemini-3-pro-image-preview", "gemini-2.5-flash-image"] }""", "starsend.json $.image_models[1]: gemini-2.5-flash-image was shut down on 2026-10-02")]
    [InlineData("""{ "image_models": ["gemini-9-image"] }""", "starsend.json $.image_models[0]: gemini-9-image is not a known image model")]
    [InlineData("""{ "image_models": [3] }""", "starsend.json $.image_models[0]: expected a model id, got 3")]
    public void Load_BadModelList_IsOneLineNamingItsPath(string json, string expected)
    {
        Write(json);

        var act = () => SettingsLoader.Load(_paths, NoEnvironment);

        var error = act.Should().Throw<BadInputException>().Which;
        error.ExitCode.Should().Be(ExitCodes.BadInput);
        error.Message.Split('\n').Should().ContainSingle().Which.Should().StartWith(expected);
    }

    [Fact]
    public void Load_ImageModelWithItsOwnPrice_IsKnown()
    {
        Write("""{ "image_models": ["gemini-3.1-flash-image", "gemini-3-pro-image-preview"], "image_prices": { "gemini-3.1-flash-image": 0.07 } }""");

        SettingsLoader.Load(_paths, NoEnvironment).ImageModelChain().Should().Equal("gemini-3.1-flash-image", "gemini-3-pro-image-preview");
    }

    [Fact]
    public void Load_NullBudget_MeansNoBudget()
    {
        Write("""{ "budget_usd": null }""");

        SettingsLoader.Load(_paths, NoEnvironment).BudgetUsd.Should().BeNull();
    }

    [Fact]
    public void Load_BadEnvironmentUrl_NamesTheVariableWithoutEchoingIt()
    {
        var environment = new Dictionary<string, string?> { [SettingsLoader.GeminiUrlVariable] = "not a url SECRET" };

        var act = () => SettingsLoader.Load(_paths, environment);

        act.Should().Throw<BadInputException>().WithMessage("STARSEND_GEMINI_URL: expected an absolute http or https URL");
    }

    private void Write(string json) => File.WriteAllText(_paths.SettingsFile, json);
}
