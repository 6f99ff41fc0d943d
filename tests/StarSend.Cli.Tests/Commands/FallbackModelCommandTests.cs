using System.Text.Json.Nodes;
using StarSend.Cli.Tests.Commands.Support;
using StarSend.Cli.Tests.Harness;
using StarSend.Core.Errors;
using StarSend.Emulator;

namespace StarSend.Cli.Tests.Commands;

/// <summary>
/// <c>image_models</c> / <c>video_models</c> through the real CLI against the loopback emulator (issue #10, seed 002):
/// the chain skips a gone model, <c>status SEQ</c> shows what made each grid and take and what was skipped.
/// </summary>
public sealed class FallbackModelCommandTests
{
    private const string Pro = "fal-ai/kling-video/o3/pro/reference-to-video";
    private const string Standard = "fal-ai/kling-video/o3/standard/reference-to-video";

    [Fact]
    public async Task GridAndGenerate_FirstModelsGone_FallBackAndStatusShowsWhy()
    {
        await using var project = await EmulatedProject.StartAsync(new EmulatorOptions
        {
            QueueWait = TimeSpan.FromMilliseconds(50),
            RunTime = TimeSpan.FromMilliseconds(300),
            Faults = $"gemini:model-gone=gemini-3.1-flash-image-preview;submit:model-deprecated={Pro}",
        });
        await File.WriteAllTextAsync(Path.Combine(project.Dir, "starsend.json"), $$"""
            {
              "image_models": ["gemini-3.1-flash-image-preview", "gemini-3-pro-image-preview"],
              "video_models": ["{{Pro}}", "{{Standard}}"]
            }
            """);
        await project.GridAndPickAsync("SEQ01");

        var generate = await project.RunAsync("generate", "SEQ01", "--yes");
        var status = await project.RunAsync("status", "SEQ01");
        var json = await project.RunAsync("status", "SEQ01", "--json");

        generate.ShouldSucceed();
        generate.Out.Should().Contain(Standard);
        status.ShouldSucceed();
        status.Out.Should().Contain("grid 1: made by gemini-3-pro-image-preview; skipped gemini-3.1-flash-image-preview: gone (HTTP 404)")
            .And.Contain($"take 1: made by {Standard}; skipped {Pro}: gone (HTTP 410)").And.Contain("deprecated");
        var models = JsonNode.Parse(json.Out)!["models"]!.AsArray();
        models.Select(m => ((string)m!["what"]!, (string)m["model"]!)).Should().Equal(("grid", "gemini-3-pro-image-preview"), ("take", Standard));
        var skipped = models[1]!["skipped_models"]!.AsArray().Should().ContainSingle().Subject!;
        ((string)skipped["model"]!, (string)skipped["execution_id"]!).Should().Be((Pro, "SEQ01#1"));
        var stats = project.Emulator.GetStats();
        stats.SubmitsAccepted.Should().Be(1);
        stats.ByModel[Pro].Should().Be(1);
    }

    [Fact]
    public async Task Settings_ListAndSingularTogether_IsOneLineExitTwo()
    {
        await using var project = await EmulatedProject.StartAsync();
        await File.WriteAllTextAsync(Path.Combine(project.Dir, "starsend.json"), $$"""{ "video_model": "{{Pro}}", "video_models": ["{{Pro}}", "{{Pro}}"] }""");

        var result = await project.RunAsync("generate", "SEQ01", "--yes");

        result.ShouldFailWith(ExitCodes.BadInput);
        result.ErrorMessages().Should().Equal(
            "Error: starsend.json $.video_models: give either video_models or video_model, not both (video_models[0] is the model tried first)");
        result.ErrorLines.Should().Contain($"starsend.json $.video_models[1]: {Pro} is listed twice; each model is tried once", "every problem is reported, one a line");
        project.Emulator.GetStats().Requests.GetValueOrDefault("submit").Should().Be(0);
    }
}
