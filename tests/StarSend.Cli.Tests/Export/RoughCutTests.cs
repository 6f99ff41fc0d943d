using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using StarSend.Testing;
using CliRun = StarSend.Cli.Tests.Harness.Cli;

namespace StarSend.Cli.Tests.Export;

/// <summary><c>starsend roughcut</c> on the finished demo, checked with ffprobe.</summary>
public sealed class RoughCutTests(DemoProjectFixture demo) : IClassFixture<DemoProjectFixture>
{
    [FfmpegFact]
    public async Task RoughCut_DemoWithSongAndGap_SongLengthWithinOneFrameOneVideoOneAudio()
    {
        using var temp = new TempDirectory();
        var dir = demo.CopyTo(temp);
        ExportTimelineTests.AddSongAudio(dir);
        ExportTimelineTests.MarkOmitted(dir, "SEQ05");
        var env = new Dictionary<string, string?> { ["PATH"] = Environment.GetEnvironmentVariable("PATH") };

        var result = await CliRun.RunAsync(dir, env, "roughcut", "--out", "cut.mp4");

        result.ExitCode.Should().Be(0, result.Error);
        result.Out.Should().Contain("22 clip(s), 1 gap(s) in black");
        using var probe = JsonDocument.Parse(Probe(Path.Combine(dir, "cut.mp4")));
        var duration = double.Parse(probe.RootElement.GetProperty("format").GetProperty("duration").GetString()!, CultureInfo.InvariantCulture);
        duration.Should().BeApproximately(177, 1.0 / 24);
        var streams = probe.RootElement.GetProperty("streams").EnumerateArray().ToList();
        streams.Select(s => s.GetProperty("codec_type").GetString()).Should().Equal("video", "audio");
        streams[0].GetProperty("codec_name").GetString().Should().Be("h264");
        streams[0].GetProperty("r_frame_rate").GetString().Should().Be("24/1");
        streams[1].GetProperty("codec_name").GetString().Should().Be("aac");
        streams[1].GetProperty("sample_rate").GetString().Should().Be("48000");
        Directory.EnumerateFiles(dir, "*.partial.mp4", SearchOption.AllDirectories).Should().BeEmpty();
    }

    [Fact]
    public async Task RoughCut_FfmpegMissing_OneLineHintExit1NothingWritten()
    {
        using var temp = new TempDirectory();
        var dir = demo.CopyTo(temp);
        var env = new Dictionary<string, string?> { ["PATH"] = temp.Combine("empty-bin") };

        var result = await CliRun.RunAsync(dir, env, "roughcut", "--out", "cut.mp4");

        result.ExitCode.Should().Be(1);
        result.Error.Trim().Split('\n').Should().ContainSingle().Which.Should().Contain("apt-get install ffmpeg");
        File.Exists(Path.Combine(dir, "cut.mp4")).Should().BeFalse();
    }

    private static string Probe(string file)
    {
        var info = new ProcessStartInfo(ExternalTool.Find("ffprobe")!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-v", "error", "-show_entries", "stream=codec_type,codec_name,r_frame_rate,sample_rate:format=duration", "-of", "json", file })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }
}
