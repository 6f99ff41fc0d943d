using System.Net;
using System.Text.Json.Nodes;

namespace StarSend.Emulator.Tests.Gemini;

/// <summary>The structured (JSON) route: a text-only feedback rewrite derived from the request, and its faults (issue #10).</summary>
public class GeminiStructuredTests
{
    private const string TextModel = "gemini-3.8-flash";

    private static JsonObject RewriteRequest(string feedback, params (string Id, string Prompt)[] shots) => new()
    {
        ["systemInstruction"] = new JsonObject { ["parts"] = new JsonArray(new JsonObject { ["text"] = "You rewrite shot prompts." }) },
        ["contents"] = new JsonArray(new JsonObject
        {
            ["role"] = "user",
            ["parts"] = new JsonArray(new JsonObject
            {
                ["text"] = $"Director's feedback: {feedback}\nShot prompts (JSON): "
                    + new JsonArray(shots.Select(s => (JsonNode)new JsonObject { ["id"] = s.Id, ["prompt"] = s.Prompt }).ToArray()).ToJsonString(),
            }),
        }),
        ["generationConfig"] = new JsonObject
        {
            ["responseMimeType"] = "application/json",
            ["responseJsonSchema"] = new JsonObject { ["type"] = "object" },
        },
    };

    private static JsonObject Answer(JsonObject body) =>
        JsonNode.Parse(body["candidates"]![0]!["content"]!["parts"]![0]!["text"]!.GetValue<string>())!.AsObject();

    [Fact]
    public async Task Rewrite_EachShotIsItsOwnPromptWithTheFeedbacksWordsAndTheRationaleIsOneLine()
    {
        await using var emulator = await EmulatorHarness.StartAsync();

        var (code, body) = await GeminiEndpointTests.GenerateAsync(emulator, RewriteRequest("slower camera", ("shot01", "a pier [at dawn]."), ("shot02", "close on the singer")), TextModel);

        code.Should().Be(HttpStatusCode.OK);
        var answer = Answer(body);
        answer["shots"]!.AsArray().Select(s => ((string)s!["id"]!, (string)s["prompt"]!)).Should().Equal(
            ("shot01", "a pier [at dawn]; slower camera"), ("shot02", "close on the singer; slower camera"));
        ((string)answer["rationale"]!).Should().Contain("slower camera").And.NotContain("\n");
        emulator.Server.GetStats().StructuredAnswers.Should().Be(1);
    }

    [Fact]
    public async Task Rewrite_SchemaInvalid_LeavesOutTheLastShot()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o => o with { Faults = "gemini:schema-invalid@1" });
        var request = RewriteRequest("warmer", ("shot01", "a"), ("shot02", "b"));

        var invalid = Answer((await GeminiEndpointTests.GenerateAsync(emulator, request, TextModel)).Body);
        var valid = Answer((await GeminiEndpointTests.GenerateAsync(emulator, request, TextModel)).Body);

        invalid["shots"]!.AsArray().Should().ContainSingle();
        valid["shots"]!.AsArray().Should().HaveCount(2);
        emulator.Server.GetStats().StructuredAnswers.Should().Be(2, "an answer that breaks the schema is still billed");
    }

    [Fact]
    public async Task Structured_Safety_IsACandidateWithoutContentStoppedForSafety()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o => o with { Faults = "gemini:safety" });

        var (code, body) = await GeminiEndpointTests.GenerateAsync(emulator, RewriteRequest("x", ("shot01", "a")), TextModel);

        code.Should().Be(HttpStatusCode.OK);
        var candidate = body["candidates"]![0]!.AsObject();
        candidate["finishReason"]!.GetValue<string>().Should().Be("SAFETY");
        candidate.ContainsKey("content").Should().BeFalse();
        candidate["safetyRatings"]!.AsArray().Should().Contain(r => r!["blocked"] != null);
        emulator.Server.GetStats().StructuredAnswers.Should().Be(0);
    }

    [Fact]
    public async Task ModelGone_ForTheNamedTextModel_Is404NotFoundForThatModelOnly()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o => o with { Faults = $"gemini:model-gone={TextModel}" });
        var request = RewriteRequest("x", ("shot01", "a"));

        var other = await GeminiEndpointTests.GenerateAsync(emulator, request, "gemini-3.5-flash-lite");
        var gone = await GeminiEndpointTests.GenerateAsync(emulator, request, TextModel);

        other.Code.Should().Be(HttpStatusCode.OK, "the rule names another model");
        gone.Code.Should().Be(HttpStatusCode.NotFound);
        gone.Body["error"]!["status"]!.GetValue<string>().Should().Be("NOT_FOUND");
        gone.Body["error"]!["message"]!.GetValue<string>().Should().StartWith($"models/{TextModel} is not found");
        emulator.Server.GetStats().StructuredAnswers.Should().Be(1);
    }
}
