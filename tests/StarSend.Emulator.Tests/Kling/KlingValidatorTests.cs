using System.Text.Json.Nodes;
using StarSend.Emulator.Kling;

namespace StarSend.Emulator.Tests.Kling;

public class KlingValidatorTests
{
    private const string ReferenceToVideo = "fal-ai/kling-video/o3/pro/reference-to-video";

    [Fact]
    public void Read_MultiShot_SumsShotDurations()
    {
        var body = Parse("""{"start_image_url":"http://x/s.png","multi_prompt":[{"prompt":"a","duration":"3"},{"prompt":"b","duration":"4"},{"prompt":"c"}],"duration":"12","aspect_ratio":"9:16"}""");

        var (spec, errors) = KlingValidator.Read(ReferenceToVideo, body);

        errors.Should().BeEmpty();
        spec!.DurationS.Should().Be(12);
        spec.ShotCount.Should().Be(3);
        spec.StartImageUrl.Should().Be("http://x/s.png");
        spec.AspectRatio.Should().Be("9:16");
    }

    [Fact]
    public void Read_SinglePrompt_UsesDurationOrFive()
    {
        KlingValidator.Read(ReferenceToVideo, Parse("""{"prompt":"a","duration":"8"}""")).Spec!.DurationS.Should().Be(8);
        KlingValidator.Read(ReferenceToVideo, Parse("""{"prompt":"a"}""")).Spec!.DurationS.Should().Be(5);
    }

    [Theory]
    [InlineData("""{"prompt":"a","multi_prompt":[{"prompt":"b","duration":"3"}]}""", "body.prompt", "value_error")]
    [InlineData("""{}""", "body.prompt", "value_error")]
    [InlineData("""{"multi_prompt":[]}""", "body.multi_prompt", "sequence_too_short")]
    [InlineData("""{"multi_prompt":[{"prompt":"1"},{"prompt":"2"},{"prompt":"3"},{"prompt":"4"},{"prompt":"5"},{"prompt":"6"},{"prompt":"7"}]}""", "body.multi_prompt", "sequence_too_long")]
    [InlineData("""{"multi_prompt":[{"prompt":"a","duration":3}]}""", "body.multi_prompt.0.duration", "literal_error")]
    [InlineData("""{"multi_prompt":[{"prompt":"a","duration":"16"}]}""", "body.multi_prompt.0.duration", "literal_error")]
    [InlineData("""{"multi_prompt":[{"prompt":"a","duration":"10"},{"prompt":"b","duration":"6"}]}""", "body.multi_prompt", "value_error")]
    [InlineData("""{"multi_prompt":[{"duration":"3"}]}""", "body.multi_prompt.0.prompt", "missing")]
    [InlineData("""{"prompt":"a","duration":5}""", "body.duration", "literal_error")]
    [InlineData("""{"prompt":"a","duration":"2"}""", "body.duration", "literal_error")]
    [InlineData("""{"prompt":"a","aspect_ratio":"4:3"}""", "body.aspect_ratio", "literal_error")]
    [InlineData("""{"prompt":"a","elements":[{"reference_image_urls":["u"]}]}""", "body.elements.0.frontal_image_url", "missing")]
    [InlineData("""{"prompt":"a","elements":[{"frontal_image_url":"f","reference_image_urls":[]}]}""", "body.elements.0.reference_image_urls", "sequence_too_short")]
    [InlineData("""{"prompt":"a","elements":[{"frontal_image_url":"f","reference_image_urls":["1","2","3","4"]}]}""", "body.elements.0.reference_image_urls", "sequence_too_long")]
    [InlineData("""{"prompt":"a","elements":[{"frontal_image_url":"f"}]}""", "body.elements.0.reference_image_urls", "missing")]
    public void Read_InvalidInput_ReportsLocAndType(string json, string loc, string type)
    {
        var (spec, errors) = KlingValidator.Read(ReferenceToVideo, Parse(json));

        spec.Should().BeNull();
        errors.Select(e => (string.Join('.', e.Loc), e.Type)).Should().Contain((loc, type));
    }

    [Fact]
    public void Read_TooManyElements_DependsOnStartFrame()
    {
        static JsonArray Elements(int n) => new([.. Enumerable.Range(0, n).Select(_ => (JsonNode)JsonNode.Parse("""{"frontal_image_url":"f","reference_image_urls":["r"]}""")!)]);
        var withStart = new JsonObject { ["prompt"] = "a", ["start_image_url"] = "s", ["elements"] = Elements(4) };
        var withoutStart = new JsonObject { ["prompt"] = "a", ["elements"] = Elements(4) };
        var five = new JsonObject { ["prompt"] = "a", ["elements"] = Elements(5) };

        KlingValidator.Read(ReferenceToVideo, withStart).Errors.Should().ContainSingle(e => e.Type == "sequence_too_long");
        KlingValidator.Read(ReferenceToVideo, withoutStart).Errors.Should().BeEmpty();
        KlingValidator.Read(ReferenceToVideo, five).Errors.Should().ContainSingle(e => e.Type == "sequence_too_long");
    }

    [Fact]
    public void Read_ImageToVideo_RequiresItsImageField()
    {
        KlingValidator.Read("fal-ai/kling-video/o3/standard/image-to-video", Parse("""{"prompt":"a"}""")).Errors
            .Should().ContainSingle(e => string.Join('.', e.Loc) == "body.image_url" && e.Type == "missing");
        KlingValidator.Read("fal-ai/kling-video/v3/pro/image-to-video", Parse("""{"prompt":"a"}""")).Errors
            .Should().ContainSingle(e => string.Join('.', e.Loc) == "body.start_image_url");
    }

    [Fact]
    public void Read_OlderAndOtherModels_UseTheirOwnRules()
    {
        KlingValidator.Read("fal-ai/kling-video/v2.1/pro/image-to-video", Parse("""{"prompt":"a","duration":"7"}""")).Errors
            .Should().ContainSingle(e => e.Type == "literal_error");
        KlingValidator.Read("fal-ai/some-other-model", Parse("""{"duration":7}""")).Spec!.DurationS.Should().Be(7);
    }

    private static JsonObject Parse(string json) => (JsonObject)JsonNode.Parse(json)!;
}
