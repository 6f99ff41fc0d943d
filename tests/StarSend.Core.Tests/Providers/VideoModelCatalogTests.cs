using StarSend.Core.Errors;
using StarSend.Core.Plans;
using StarSend.Core.Providers.VideoModels;
using StarSend.Core.Settings;

namespace StarSend.Core.Tests.Providers;

/// <summary>The one table of video model capabilities, retired models, and sequences checked against their model (issue #11).</summary>
public sealed class VideoModelCatalogTests
{
    [Theory]
    [InlineData("sora-2")]
    [InlineData("openai:sora-2-pro")]
    [InlineData("sora-2-2025-12-08")]
    [InlineData("fal:fal-ai/sora-2/image-to-video")]
    public void Problem_Sora2_SaysRetiredWithTheDateAndWhatToUseInstead(string id)
    {
        var problem = VideoModelCatalog.Problem(id);

        problem.Should().Be($"video model '{id}' was retired on 2026-09-24 (OpenAI shut the Sora 2 Videos API down, with no direct replacement); use 'leonardo:kling-3.0' instead");
    }

    [Fact]
    public void Problem_ModelARetiredSettingNames_IsRefusedWithItsDate()
    {
        var retired = new ProjectSettings
        {
            RetiredVideoModels = new(StringComparer.OrdinalIgnoreCase)
            {
                ["fal-ai/kling-video/v2.1/pro/image-to-video"] = new() { RetiredOn = new DateOnly(2026, 12, 1), UseInstead = "fal-ai/kling-video/v3/pro/image-to-video" },
            },
        }.RetiredModels();

        VideoModelCatalog.Problem("fal:fal-ai/kling-video/v2.1/pro/image-to-video", retired)
            .Should().Contain("retired on 2026-12-01").And.Contain("use 'fal-ai/kling-video/v3/pro/image-to-video' instead");
        VideoModelCatalog.Problem("fal-ai/kling-video/v2.1/pro/image-to-video").Should().BeNull("only the project marks it retired");
    }

    [Theory]
    [InlineData("leonardo:kling-9", "is not a Leonardo model StarSend knows")]
    [InlineData("runway:gen-4", "unknown provider 'runway'")]
    [InlineData("leonardo:", "names no model")]
    public void Problem_UnknownModelOrProvider_NamesIt(string id, string expected)
    {
        VideoModelCatalog.Problem(id).Should().Contain(expected);
        ((Action)(() => VideoModelCatalog.For(id))).Should().Throw<BadInputException>().WithMessage($"*{expected}*");
    }

    [Fact]
    public void For_BareAndPrefixedFalIds_AreTheSameModel()
    {
        VideoModelCatalog.For(SettingsDefaults.VideoModel).Should().BeSameAs(VideoModelCatalog.For("fal:" + SettingsDefaults.VideoModel));
        VideoModelCatalog.For(SettingsDefaults.VideoModel).PricePerSecondUsd.Should().Be(SettingsDefaults.VideoPricesPerSecond[SettingsDefaults.VideoModel]);
    }

    [Fact]
    public void Catalog_LeonardoModels_AreOneShotACallAndTakeNoElementWithAStartFrame()
    {
        var leonardo = VideoModelCatalog.All.Where(m => m.Id.Provider == VideoModelId.Leonardo).ToList();

        leonardo.Select(m => m.Id.Full).Should().Contain(["leonardo:kling-3.0", "leonardo:veo-3.1-generate-001", "leonardo:MOTION2"]);
        leonardo.Should().OnlyContain(m => !m.MultiShot && m.MaxShotsPerCall == 1 && m.MaxElementsWithStartFrame == 0 && !m.PriceConfirmed);
        VideoModelCatalog.For("leonardo:MOTION2").CreateApi.Should().Be("v1");
        VideoModelCatalog.For("leonardo:kling-3.0").CreateApi.Should().Be("v2");
        VideoModelCatalog.For("leonardo:veo-3.1-generate-001").DurationsText().Should().Be("4, 6 or 8");
        VideoModelCatalog.For("leonardo:kling-3.0").DurationsText().Should().Be("3–15");
    }

    [Fact]
    public void FitsOneCall_FollowsTheModel()
    {
        var sequence = Sequence(5, 5);

        VideoModelCatalog.For(SettingsDefaults.VideoModel).FitsOneCall(sequence).Should().BeTrue();
        VideoModelCatalog.For("leonardo:kling-3.0").FitsOneCall(sequence).Should().BeFalse();
        VideoModelCatalog.For("leonardo:kling-3.0").FitsOneCall(Sequence(5)).Should().BeTrue();
    }

    [Fact]
    public void Check_DurationsTheSequencesModelRefuses_HaveTheirPaths()
    {
        var sequence = Sequence(4, 5, 6) with { VideoModel = "leonardo:veo-3.1-generate-001" };

        var problems = SequenceModelCheck.Check(sequence, "$.sequences[2]", SettingsDefaults.VideoModel);

        problems.Should().Equal(new PlanProblem("$.sequences[2].shots[1].duration", "must be 4, 6 or 8 seconds for leonardo:veo-3.1-generate-001, got 5"));
    }

    [Fact]
    public void Check_RunModelOverridesTheSequencesAndTheProjects()
    {
        var sequence = Sequence(5) with { VideoModel = "leonardo:kling-3.0" };

        SequenceModelCheck.ModelFor(sequence, SettingsDefaults.VideoModel, "leonardo:MOTION2").Should().Be("leonardo:MOTION2");
        SequenceModelCheck.ModelFor(sequence, SettingsDefaults.VideoModel).Should().Be("leonardo:kling-3.0");
        SequenceModelCheck.ModelFor(Sequence(5), SettingsDefaults.VideoModel).Should().Be(SettingsDefaults.VideoModel);
        SequenceModelCheck.Check(sequence, "$.sequences[0]", SettingsDefaults.VideoModel, "sora-2")
            .Should().ContainSingle().Which.Should().Match<PlanProblem>(p => p.Path == "$.sequences[0] (generate --model)" && p.Reason.Contains("retired on 2026-09-24"));
    }

    [Fact]
    public void ImageLimits_SayWhyAnImageCannotGo()
    {
        var limits = VideoModelCatalog.For("leonardo:kling-3.0").Images;

        limits.Problem(40_000, 1280, 720, ".png").Should().BeNull();
        limits.Problem(40_000, 1280, 720, ".gif").Should().Contain(".gif");
        limits.Problem(40_000, 200, 720, ".png").Should().Contain("300 px");
        limits.Problem(40_000, 3000, 600, ".jpg").Should().Contain("aspect 5");
        limits.Problem(20L * 1024 * 1024, 1280, 720, ".webp").Should().Contain("10 MB");
    }

    private static PlanSequence Sequence(params int[] durations) => new()
    {
        Id = "SEQ01",
        Section = "intro",
        StartS = 0,
        EndS = durations.Sum(),
        Shots = [.. durations.Select((d, i) => new PlanShot { Id = $"shot{i + 1:00}", Prompt = "the pier at dawn", Duration = d })],
    };
}
