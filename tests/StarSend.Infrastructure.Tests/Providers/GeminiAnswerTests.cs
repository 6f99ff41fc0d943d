using System.Text.Json.Nodes;
using StarSend.Core.Errors;
using StarSend.Infrastructure.Gemini;

namespace StarSend.Infrastructure.Tests.Providers;

public sealed class GeminiAnswerTests
{
    [Fact]
    public void Read_ThoughtPartsAndSnakeCase_UsesTheLastImageNotFlaggedAndKeepsThemAll()
    {
        var answer = Parse("""
            {"candidates":[{"content":{"parts":[
              {"inlineData":{"mimeType":"image/png","data":"AAAA"},"thought":true},
              {"text":"Here it is"},
              {"inline_data":{"mime_type":"image/jpeg","data":"/9j/"}}]},"finishReason":"STOP"}],
             "usageMetadata":{"candidatesTokensDetails":[{"modality":"TEXT","tokenCount":5},{"modality":"IMAGE","tokenCount":1290}]}}
            """);

        var read = GeminiAnswer.Read(answer, "m");

        read.Chosen.Data.Should().Equal(Convert.FromBase64String("/9j/"));
        read.Chosen.MimeType.Should().Be("image/jpeg");
        read.Text.Should().Be("Here it is");
        read.Parts.Select(p => p.Thought).Should().Equal(true, false);
        read.ImageTokens.Should().Be(1290);
    }

    [Fact]
    public void Read_EveryImageFlaggedAsThought_UsesTheLastImage()
    {
        var answer = Parse("""
            {"candidates":[{"content":{"parts":[
              {"inlineData":{"mimeType":"image/png","data":"AAAA"},"thought":true},
              {"inlineData":{"mimeType":"image/png","data":"/9j/"},"thought":true}]},"finishReason":"STOP"}]}
            """);

        var read = GeminiAnswer.Read(answer, "m");

        read.Parts.Should().HaveCount(2);
        read.Chosen.Should().BeSameAs(read.Parts[1]);
        read.Chosen.MimeType.Should().Be("image/jpeg", "the bytes say JPEG whatever the label says");
        read.Chosen.LabelledMimeType.Should().Be("image/png");
    }

    [Fact]
    public void Read_FieldSampleThoughtThenFinal_UsesTheFinalGrid()
    {
        var read = GeminiAnswer.Read(FieldSample("gemini-thought-then-final.json"), "m");

        read.Parts.Should().HaveCount(2).And.ContainSingle(p => p.Thought);
        read.Chosen.Thought.Should().BeFalse();
        read.Chosen.Should().BeSameAs(read.Parts[^1]);
        read.Text.Should().NotContain("Sketching", "thought text is not what the model said");
    }

    [Fact]
    public void Read_FieldSampleJpegLabelledPng_IsTypedByItsBytes()
    {
        var read = GeminiAnswer.Read(FieldSample("gemini-jpeg-labelled-png.json"), "m");

        read.Chosen.LabelledMimeType.Should().Be("image/png");
        read.Chosen.MimeType.Should().Be("image/jpeg");
        read.Chosen.Data.Take(3).Should().Equal(0xFF, 0xD8, 0xFF);
    }

    [Theory]
    [InlineData("""{"candidates":[{"finishReason":"NO_IMAGE"}]}""", ProviderErrorKind.NoImage, "NO_IMAGE")]
    [InlineData("""{"candidates":[{"finishReason":"IMAGE_SAFETY","content":{"parts":[]}}]}""", ProviderErrorKind.ContentPolicy, "IMAGE_SAFETY")]
    [InlineData("""{"promptFeedback":{"blockReason":"PROHIBITED_CONTENT"}}""", ProviderErrorKind.ContentPolicy, "PROHIBITED_CONTENT")]
    [InlineData("""{"candidates":[{"content":{"parts":[{"text":"I drew it"}]},"finishReason":"STOP"}]}""", ProviderErrorKind.NoImage, "I drew it")]
    [InlineData("""{"candidates":[{"content":{"parts":[{"text":"no","thought":true}]},"finishReason":"IMAGE_OTHER"}]}""", ProviderErrorKind.NoImage, "IMAGE_OTHER")]
    [InlineData("""{"candidates":[{"finishReason":"IMAGE_PROHIBITED_CONTENT","content":{"parts":[{"text":"no"}]}}]}""", ProviderErrorKind.ContentPolicy, "IMAGE_PROHIBITED_CONTENT")]
    public void Read_NoFinalImage_FailsWithTheReason(string json, ProviderErrorKind kind, string reason)
    {
        var act = () => GeminiAnswer.Read(Parse(json), "gemini-x");

        var error = act.Should().Throw<ProviderException>().Which;
        error.Kind.Should().Be(kind);
        error.Message.Should().Contain(reason).And.Contain("gemini-x");
    }

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();

    /// <summary>A file of <c>shared/field</c> (beside the repository), read in place.</summary>
    private static JsonObject FieldSample(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "shared", "field", name);
            if (File.Exists(path))
            {
                return Parse(File.ReadAllText(path));
            }
        }

        throw new FileNotFoundException($"shared/field/{name} was not found above {AppContext.BaseDirectory}");
    }
}
