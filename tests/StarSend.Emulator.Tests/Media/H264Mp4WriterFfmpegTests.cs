using System.Globalization;
using System.Text.Json;
using StarSend.Emulator.Media;
using StarSend.Imaging;
using StarSend.Testing;

namespace StarSend.Emulator.Tests.Media;

/// <summary>An independent decoder's view of the writer's files. Needs ffmpeg; see <see cref="Ffmpeg"/>.</summary>
public sealed class H264Mp4WriterFfmpegTests : IDisposable
{
    private const int Fps = 24;
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [FfmpegTheory]
    [InlineData(320, 180, 3)]
    [InlineData(330, 190, 5)]
    public async Task Decode_WithFfmpeg_FirstAndLastFrameMatchInput(int width, int height, int seconds)
    {
        var frame = TestFrames.Blocks(width, height);
        var path = WriteFile(frame, seconds);

        var (raw, stderr) = await Ffmpeg.RunAsync(
            "ffmpeg", "-nostdin", "-v", "warning", "-xerror", "-err_detect", "explode", "-i", path, "-f", "rawvideo", "-pix_fmt", "rgb24", "-");

        stderr.Should().BeEmpty("a valid stream decodes without a single warning");
        var frameBytes = width * height * 3;
        (raw.Length % frameBytes).Should().Be(0);
        (raw.Length / frameBytes).Should().Be(seconds * Fps);
        AssertLooksLike(frame, raw.AsSpan(0, frameBytes));
        AssertLooksLike(frame, raw.AsSpan(raw.Length - frameBytes));
    }

    [FfmpegTheory]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(10)]
    [InlineData(15)]
    public async Task Probe_WithFfprobe_DurationEqualsRequest(int seconds)
    {
        var path = WriteFile(TestFrames.Blocks(640, 360), seconds);

        var (json, _) = await Ffmpeg.RunAsync(
            "ffprobe", "-v", "error", "-show_entries", "format=duration:stream=codec_name,profile,width,height,nb_frames,duration", "-of", "json", path);

        using var probe = JsonDocument.Parse(json);
        var format = probe.RootElement.GetProperty("format");
        var stream = probe.RootElement.GetProperty("streams")[0];
        Seconds(format.GetProperty("duration")).Should().Be(seconds);
        Seconds(stream.GetProperty("duration")).Should().Be(seconds);
        stream.GetProperty("nb_frames").GetString().Should().Be((seconds * Fps).ToString(CultureInfo.InvariantCulture));
        stream.GetProperty("codec_name").GetString().Should().Be("h264");
        stream.GetProperty("profile").GetString().Should().Be("Constrained Baseline");
        (stream.GetProperty("width").GetInt32(), stream.GetProperty("height").GetInt32()).Should().Be((640, 360));
    }

    /// <summary>
    /// Inside each colour block (where chroma is flat) a few levels of YUV rounding; over the whole frame, block edges
    /// included (where ffmpeg's chroma upsampling blends neighbours), a small mean error.
    /// </summary>
    private static void AssertLooksLike(RgbaImage expected, ReadOnlySpan<byte> rgb)
    {
        var worstInside = 0;
        long totalError = 0;
        for (var y = 0; y < expected.Height; y++)
        {
            var row = expected.Row(y);
            for (var x = 0; x < expected.Width; x++)
            {
                for (var c = 0; c < 3; c++)
                {
                    var error = Math.Abs(rgb[(((y * expected.Width) + x) * 3) + c] - row[(x * 4) + c]);
                    totalError += error;
                    if (TestFrames.IsInsideBlock(x, y, margin: 2))
                    {
                        worstInside = Math.Max(worstInside, error);
                    }
                }
            }
        }

        worstInside.Should().BeLessThanOrEqualTo(4);
        ((double)totalError / (expected.Width * expected.Height * 3)).Should().BeLessThan(1.5);
    }

    private static double Seconds(JsonElement value) => double.Parse(value.GetString()!, CultureInfo.InvariantCulture);

    private string WriteFile(RgbaImage frame, int seconds)
    {
        var path = _temp.Combine($"take-{seconds}s-{frame.Width}x{frame.Height}.mp4");
        using (var stream = File.Create(path))
        {
            H264Mp4Writer.Write(frame, seconds, stream, Fps);
        }

        return path;
    }
}
