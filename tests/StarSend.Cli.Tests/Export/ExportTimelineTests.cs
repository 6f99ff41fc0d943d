using System.Text.Json.Nodes;
using StarSend.Core.Plans;
using StarSend.Testing;
using StarSend.Testing.Timelines;
using CliRun = StarSend.Cli.Tests.Harness.Cli;

namespace StarSend.Cli.Tests.Export;

/// <summary><c>starsend export timeline</c> on the finished demo, each format read back by a checker that is not the writer.</summary>
public sealed class ExportTimelineTests(DemoProjectFixture demo) : IClassFixture<DemoProjectFixture>
{
    [Fact]
    public async Task Otio_Demo_EveryApprovedTakeAtItsSequenceStart()
    {
        using var temp = new TempDirectory();
        var dir = demo.CopyTo(temp);

        var result = await CliRun.RunAsync(dir, "export", "timeline", "--format", "otio", "--out", "edit.otio");

        result.ExitCode.Should().Be(0, result.Error);
        var otio = OtioReader.Read(await File.ReadAllTextAsync(Path.Combine(dir, "edit.otio")));
        var plan = PlanLoader.Load(dir).Plan;
        var clips = otio.Tracks["V1"];
        clips.Should().OnlyContain(c => c.Schema == "Clip.2", "every demo sequence is approved");
        clips.Sum(c => c.Duration).Should().Be(177 * 24);
        foreach (var sequence in plan.Sequences)
        {
            var first = clips.First(c => c.Name.StartsWith(sequence.Id + " take 1", StringComparison.Ordinal));
            first.Start.Should().Be((long)(sequence.StartS * 24), sequence.Id);
            File.Exists(new Uri(first.TargetUrl!).LocalPath).Should().BeTrue();
        }

        clips.Count(c => c.Name.StartsWith("SEQ08 take 1 shot", StringComparison.Ordinal)).Should().Be(7, "SEQ08's per-shot take is seven consecutive clips");
        otio.Tracks.Should().NotContainKey("A1", "the demo plan names no song audio");
    }

    [XmllintFact]
    public async Task Fcpxml_Demo_ValidAndContiguous()
    {
        using var temp = new TempDirectory();
        var dir = demo.CopyTo(temp);

        var result = await CliRun.RunAsync(dir, "export", "timeline", "--format", "fcpxml", "--out", "edit.fcpxml");

        result.ExitCode.Should().Be(0, result.Error);
        var file = Path.Combine(dir, "edit.fcpxml");
        FcpxmlChecker.Validate(file).Should().BeNull();
        var read = FcpxmlChecker.Read(file);
        read.Duration.Should().Be(177 * 24);
        read.Spine.Should().HaveCount(23, "SEQ06 runs per shot on Leonardo (issue #11)").And.OnlyContain(i => i.Kind == "asset-clip" && i.Metadata.ContainsKey("com.starsend.runId"));
    }

    [Fact]
    public async Task Edl_DemoWithOmittedSequenceAndSong_GapMarkedAndAudioEvent()
    {
        using var temp = new TempDirectory();
        var dir = demo.CopyTo(temp);
        MarkOmitted(dir, "SEQ03");
        AddSongAudio(dir);

        var result = await CliRun.RunAsync(dir, "export", "timeline", "--format", "edl", "--out", "edit.edl");

        result.ExitCode.Should().Be(0, result.Error);
        result.Out.Should().Contain("gap 00:00:27:00-00:00:39:00: SEQ03 omitted");
        var edl = Cmx3600Reader.Read(await File.ReadAllTextAsync(Path.Combine(dir, "edit.edl")), 24);
        var video = edl.Events.Where(e => e.Channel == "V").ToList();
        video.Should().HaveCount(22, "SEQ06 runs per shot on Leonardo (issue #11)");
        video.Should().NotContain(e => e.ClipName!.StartsWith("SEQ03", StringComparison.Ordinal));
        video.Should().Contain(e => e.ClipName == "SEQ04 take 1 shot01" && e.RecordIn == 39 * 24);
        edl.Events.SelectMany(e => e.Comments).Should().Contain("GAP 00:00:27:00 00:00:39:00 SEQ03 omitted");
        var song = edl.Events.Single(e => e.Channel == "AA");
        (song.RecordIn, song.RecordOut).Should().Be((0, 177 * 24));
    }

    [Fact]
    public async Task Export_SongAudioMissing_Exit2OneLineNothingWritten()
    {
        using var temp = new TempDirectory();
        var dir = demo.CopyTo(temp);
        AddSongAudio(dir);
        File.Delete(Path.Combine(dir, "song.wav"));

        var result = await CliRun.RunAsync(dir, "export", "timeline", "--out", "edit.otio");

        result.ExitCode.Should().Be(2);
        result.Error.Trim().Should().Be("Error: client_plan.json $.song.audio: file 'song.wav' not found in the project folder");
        File.Exists(Path.Combine(dir, "edit.otio")).Should().BeFalse();
    }

    /// <summary>Sets the review's <c>omitted</c> flag in sequences.json, as <c>starsend omit</c> does.</summary>
    internal static void MarkOmitted(string dir, string sequence)
    {
        var file = Path.Combine(dir, "state", "client", "sequences.json");
        var doc = JsonNode.Parse(File.ReadAllText(file))!;
        doc["sequences"]![sequence]!["omitted"] = true;
        File.WriteAllText(file, doc.ToJsonString());
    }

    /// <summary>Adds a 177 s stereo WAV as <c>song.audio</c> to the plan, as a producer would.</summary>
    internal static void AddSongAudio(string dir)
    {
        TestAudio.WriteWav(Path.Combine(dir, "song.wav"), seconds: 177, sampleRate: 8000, channels: 2);
        var file = Path.Combine(dir, "client_plan.json");
        var plan = JsonNode.Parse(File.ReadAllText(file))!;
        plan["song"]!["audio"] = "song.wav";
        File.WriteAllText(file, plan.ToJsonString());
    }
}
