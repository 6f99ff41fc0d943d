using StarSend.Core.Errors;
using StarSend.Core.Providers;
using StarSend.Infrastructure.Fal;

namespace StarSend.Infrastructure.Tests.Providers;

public sealed class KlingRulesTests
{
    private const string Reference = "fal-ai/kling-video/o3/pro/reference-to-video";

    private static readonly VideoElement Singer = new("https://cdn/singer.png", ["https://cdn/singer_side.png"]);

    [Fact]
    public void Validate_FiveShotsOfThreeSeconds_Passes()
    {
        var job = Job([.. Enumerable.Repeat(new ShotPrompt("wide", 3), 5)]);

        var act = () => Validate(job);

        act.Should().NotThrow();
    }

    [Theory]
    [InlineData(2, "shots[0].duration")]
    [InlineData(16, "shots[0].duration")]
    public void Validate_DurationOutOfRange_NamesTheShot(int seconds, string field)
    {
        var act = () => Validate(Job([new ShotPrompt("wide", seconds)]));

        act.Should().Throw<BadInputException>().WithMessage($"*{field}*");
    }

    [Fact]
    public void Validate_MultiShotOverFifteenSeconds_NamesTheTotal()
    {
        var act = () => Validate(Job([new ShotPrompt("a", 8), new ShotPrompt("b", 8)]));

        act.Should().Throw<BadInputException>().WithMessage("*add up to 16 s*");
    }

    [Fact]
    public void Validate_SevenShots_IsRefused()
    {
        var act = () => Validate(Job([.. Enumerable.Repeat(new ShotPrompt("a", 3), 7)]));

        act.Should().Throw<BadInputException>().WithMessage("*shots: 7 shots*");
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Validate_EmptyPrompt_IsRefused(string prompt)
    {
        var act = () => Validate(Job([new ShotPrompt(prompt, 5)]));

        act.Should().Throw<BadInputException>().WithMessage("*shots[0].prompt: empty*");
    }

    [Fact]
    public void Validate_PromptOver2500Characters_IsRefused()
    {
        var act = () => Validate(Job([new ShotPrompt(new string('a', 2501), 5)]));

        act.Should().Throw<BadInputException>().WithMessage("*2501 characters*");
    }

    [Theory]
    [InlineData(true, 3, false)]
    [InlineData(true, 4, true)]
    [InlineData(false, 4, false)]
    [InlineData(false, 5, true)]
    public void Validate_ElementCap_DependsOnTheStartFrame(bool startFrame, int elements, bool refused)
    {
        var job = Job([new ShotPrompt("a", 5)]) with
        {
            StartImageUrl = startFrame ? "https://cdn/start.png" : null,
            Elements = [.. Enumerable.Repeat(Singer, elements)],
        };

        var act = () => Validate(job);

        if (refused)
        {
            act.Should().Throw<BadInputException>().WithMessage("*elements:*");
        }
        else
        {
            act.Should().NotThrow();
        }
    }

    [Fact]
    public void Validate_FourReferenceImages_NamesTheElement()
    {
        var job = Job([new ShotPrompt("a", 5)]) with { Elements = [Singer, Singer with { ReferenceImageUrls = ["1", "2", "3", "4"] }] };

        var act = () => Validate(job);

        act.Should().Throw<BadInputException>().WithMessage("*elements[1].reference_image_urls*");
    }

    [Fact]
    public void Validate_UnknownAspectRatio_IsRefused()
    {
        var act = () => Validate(Job([new ShotPrompt("a", 5)]) with { AspectRatio = "4:3" });

        act.Should().Throw<BadInputException>().WithMessage("*aspect_ratio*");
    }

    [Fact]
    public void Validate_ImageToVideoWithoutStartFrameOrWithElements_NamesImageUrl()
    {
        var job = Job([new ShotPrompt("a", 5)]) with { Model = "fal-ai/kling-video/o3/standard/image-to-video", Elements = [Singer] };

        var act = () => Validate(job);

        act.Should().Throw<BadInputException>().WithMessage("*image_url: this model needs a start frame*elements: this model takes no elements*");
    }

    [Fact]
    public void Validate_V2ImageToVideo_TakesOnlyFiveOrTenSeconds()
    {
        var job = Job([new ShotPrompt("a", 7)]) with { Model = "fal-ai/kling-video/v2.1/pro/image-to-video", StartImageUrl = "https://cdn/s.png" };

        var act = () => Validate(job);

        act.Should().Throw<BadInputException>().WithMessage("*5 or 10 s*");
    }

    [Fact]
    public void For_UnknownModel_IsBadInput()
    {
        var act = () => KlingEndpoint.For("fal-ai/minimax/video-01");

        act.Should().Throw<BadInputException>().WithMessage("*fal-ai/minimax/video-01*");
    }

    private static VideoJob Job(IReadOnlyList<ShotPrompt> shots) => new() { Model = Reference, Shots = shots };

    private static void Validate(VideoJob job) => KlingRules.Validate(job, KlingEndpoint.For(job.Model));
}
