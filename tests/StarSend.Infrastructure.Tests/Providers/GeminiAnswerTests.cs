using System.Text.Json.Nodes;
using StarSend.Core.Errors;
using StarSend.Infrastructure.Gemini;

namespace StarSend.Infrastructure.Tests.Providers;

public sealed class GeminiAnswerTests
{
    [Fact]
    public void Read_ThoughtPartsAndSnakeCase_TakesTheFinalImage()
    {
        var answer = Parse("""
            {"candidates":[{"content":{"parts":[
              {"inlineData":{"mimeType":"image/png","data":"AAAA"},"thought":true},
              {"text":"Here it is"},
              {"inline_data":{"mime_type":"image/jpeg","data":"/9j/"}}]},"finishReason":"STOP"}],
             "usageMetadata":{"candidatesTokensDetails":[{"modality":"TEXT","tokenCount":5},{"modality":"IMAGE","tokenCount":1290}]}}
            """);

        var (data, mime, text, images, tokens) = GeminiAnswer.Read(answer, "m");

        data.Should().Equal(Convert.FromBase64String("/9j/"));
        mime.Should().Be("image/jpeg");
        text.Should().Be("Here it is");
        images.Should().Be(1);
        tokens.Should().Be(1290);
    }

    [Theory]
    [InlineData("""{"candidates":[{"finishReason":"NO_IMAGE"}]}""", ProviderErrorKind.NoImage, "NO_IMAGE")]
    [InlineData("""{"candidates":[{"finishReason":"IMAGE_SAFETY","content":{"parts":[]}}]}""", ProviderErrorKind.ContentPolicy, "IMAGE_SAFETY")]
    [InlineData("""{"promptFeedback":{"blockReason":"PROHIBITED_CONTENT"}}""", ProviderErrorKind.ContentPolicy, "PROHIBITED_CONTENT")]
    [InlineData("""{"candidates":[{"content":{"parts":[{"text":"I drew it"}]},"finishReason":"STOP"}]}""", ProviderErrorKind.NoImage, "I drew it")]
    [InlineData("""{"candidates":[{"content":{"parts":[{"inlineData":{"data":"AAAA"},"thought":true}]},"finishReason":"STOP"}]}""", ProviderErrorKind.NoImage, "STOP")]
    public void Read_NoFinalImage_FailsWithTheReason(string json, ProviderErrorKind kind, string reason)
    {
        var act = () => GeminiAnswer.Read(Parse(json), "gemini-x");

        var error = act.Should().Throw<ProviderException>().Which;
        error.Kind.Should().Be(kind);
        error.Message.Should().Contain(reason).And.Contain("gemini-x");
    }

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
