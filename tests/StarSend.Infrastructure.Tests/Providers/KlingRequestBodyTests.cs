using System.Text.Json.Nodes;
using StarSend.Core.Providers;
using StarSend.Infrastructure.Fal;

namespace StarSend.Infrastructure.Tests.Providers;

public sealed class KlingRequestBodyTests
{
    [Fact]
    public void Build_MultiShotReferenceToVideo_MatchesFalsSchema()
    {
        var job = new VideoJob
        {
            Model = "fal-ai/kling-video/o3/pro/reference-to-video",
            StartImageUrl = "https://cdn/start.png",
            Elements = [new VideoElement("https://cdn/singer.png", []), new VideoElement("https://cdn/car.png", ["https://cdn/car2.png"])],
            Shots = [new ShotPrompt("wide", 3), new ShotPrompt("close", 4)],
        };

        var body = KlingRequestBody.Build(job, KlingEndpoint.For(job.Model));

        body["start_image_url"]!.GetValue<string>().Should().Be("https://cdn/start.png");
        body["duration"]!.GetValue<string>().Should().Be("7");
        body["multi_prompt"]!.AsArray().Select(s => s!["duration"]!.GetValue<string>()).Should().Equal("3", "4");
        body.ContainsKey("prompt").Should().BeFalse();
        body["elements"]![0]!["reference_image_urls"]!.AsArray().Select(r => r!.GetValue<string>()).Should().Equal("https://cdn/singer.png");
        body["elements"]![1]!["reference_image_urls"]!.AsArray().Select(r => r!.GetValue<string>()).Should().Equal("https://cdn/car2.png");
        body["aspect_ratio"]!.GetValue<string>().Should().Be("16:9");
        body["shot_type"]!.GetValue<string>().Should().Be("customize");
        body["generate_audio"]!.GetValue<bool>().Should().BeFalse();
    }

    [Fact]
    public void Build_SingleShotO3ImageToVideo_UsesImageUrlAndNoElementsOrAspect()
    {
        var job = new VideoJob
        {
            Model = "fal-ai/kling-video/o3/standard/image-to-video",
            StartImageUrl = "https://cdn/start.png",
            Shots = [new ShotPrompt("slow push-in", 5)],
        };

        var body = KlingRequestBody.Build(job, KlingEndpoint.For(job.Model));

        body["image_url"]!.GetValue<string>().Should().Be("https://cdn/start.png");
        body["prompt"]!.GetValue<string>().Should().Be("slow push-in");
        body["duration"]!.GetValue<string>().Should().Be("5");
        body.ContainsKey("start_image_url").Should().BeFalse();
        body.ContainsKey("elements").Should().BeFalse();
        body.ContainsKey("aspect_ratio").Should().BeFalse();
        body.ContainsKey("multi_prompt").Should().BeFalse();
    }

    [Fact]
    public void Build_V3ImageToVideo_SendsAudioOffExplicitly()
    {
        var job = new VideoJob { Model = "fal-ai/kling-video/v3/pro/image-to-video", StartImageUrl = "https://cdn/s.png", Shots = [new ShotPrompt("a", 5)] };

        var body = KlingRequestBody.Build(job, KlingEndpoint.For(job.Model));

        body["start_image_url"].Should().NotBeNull();
        body["generate_audio"]!.GetValue<bool>().Should().BeFalse("V3 defaults to audio on, which costs more");
    }

    [Fact]
    public void Build_Body_RoundTripsAsJson()
    {
        var job = new VideoJob { Model = "fal-ai/kling-video/o3/pro/reference-to-video", Shots = [new ShotPrompt("quote \" and ü", 5)] };

        var json = KlingRequestBody.Build(job, KlingEndpoint.For(job.Model)).ToJsonString();

        JsonNode.Parse(json)!["prompt"]!.GetValue<string>().Should().Be("quote \" and ü");
    }
}
