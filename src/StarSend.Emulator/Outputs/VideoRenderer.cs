using StarSend.Emulator.Kling;
using StarSend.Emulator.Media;
using StarSend.Emulator.Storage;

namespace StarSend.Emulator.Outputs;

/// <summary>Makes a job's MP4: its start frame held for exactly the requested duration.</summary>
internal static class VideoRenderer
{
    public static byte[] Render(VideoSpec spec, FileStore files, string baseUrl)
    {
        var frame = StartFrames.For(spec, files, baseUrl);
        using var output = new MemoryStream();
        H264Mp4Writer.Write(frame, spec.DurationS, output);
        return output.ToArray();
    }
}
