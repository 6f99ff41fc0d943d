using System.Buffers.Binary;
using StarSend.Cli.Tests.Commands.Support;
using StarSend.Cli.Tests.Harness;
using StarSend.Core.Errors;
using StarSend.Emulator;

namespace StarSend.Cli.Tests.Commands;

/// <summary>Gemini field shapes through the real CLI (issue #8 items 7 and 11): dead quotas stop the batch; grids come at 2K.</summary>
public sealed class GeminiFieldTests
{
    [Theory]
    [InlineData("quota-free-tier", "limit of 0")]
    [InlineData("quota-day", "per day")]
    public async Task GridAll_QuotaThatCannotRecover_StopsCallingGeminiAndExitsAccountBlocked(string fault, string reason)
    {
        await using var project = await EmulatedProject.StartAsync(new EmulatorOptions
        {
            Faults = $"gemini:{fault}",
            QueueWait = TimeSpan.FromMilliseconds(50),
            RunTime = TimeSpan.FromMilliseconds(300),
        });
        project.SetSettings(("concurrency", 2));

        var result = await project.RunAsync("grid", "--all");

        result.ShouldFailWith(ExitCodes.AccountBlocked);
        (result.Out + result.Error).Should().Contain(reason).And.NotContain("GEMINI_API_KEY");
        project.Emulator.GetStats().Requests.GetValueOrDefault("gemini").Should()
            .BeInRange(1, 2, "only the calls already in flight (concurrency 2) reach Gemini; the other ten sequences send nothing");
        var seq12 = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(StateFiles.SequencesPath(project.Dir)))!["sequences"]?["SEQ12"];
        ((string?)seq12?["state"] ?? "not_started").Should().Be("not_started", "a sequence the stopped batch never reached has no grid");
    }

    [Fact]
    public async Task GridThenPick_DefaultSettings_StartFrameIsAtLeast1280PxWide()
    {
        await using var project = await EmulatedProject.StartAsync();

        await project.GridAndPickAsync("SEQ01");

        var frame = StateFiles.Sequence(project.Dir, "SEQ01")["start_frame"]!;
        var png = File.ReadAllBytes(Path.Combine(project.Dir, (string)frame["file"]!));
        var width = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4));
        var height = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4));
        width.Should().BeGreaterThanOrEqualTo(1280, "grids are asked at 2K (image_size), so a 16:9 cell is a usable start frame for Kling");
        ((double)width / height).Should().BeApproximately(16.0 / 9, 0.05);
    }
}
