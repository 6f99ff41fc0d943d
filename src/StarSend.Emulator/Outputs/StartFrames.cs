using StarSend.Emulator.Drawing;
using StarSend.Emulator.Kling;
using StarSend.Emulator.Storage;
using StarSend.Imaging;

namespace StarSend.Emulator.Outputs;

/// <summary>The first frame of a job's video: its uploaded start image when the emulator holds it, else a drawn one.</summary>
internal static class StartFrames
{
    public const int MaxWidth = 640;

    public static RgbaImage For(VideoSpec spec, FileStore files, string baseUrl)
    {
        if (files.ReadOwn(spec.StartImageUrl, baseUrl) is { } bytes)
        {
            try
            {
                return Fit(ImageCodec.Decode(bytes));
            }
            catch (ImagingException)
            {
                // Not a PNG we can read (a JPEG, say): the video still needs a frame.
            }
        }

        var (width, height) = spec.AspectRatio switch
        {
            "9:16" => (360, 640),
            "1:1" => (480, 480),
            _ => (640, 360),
        };
        return KeyframeArt.Single(SeededRandom.SeedFrom(spec.Prompt), width, height);
    }

    /// <summary>At most 640 px wide with even sides, as the H.264 writer wants.</summary>
    public static RgbaImage Fit(RgbaImage image)
    {
        var width = Math.Min(MaxWidth, image.Width);
        var height = (int)Math.Round(image.Height * (double)width / image.Width);
        width = Math.Max(2, width & ~1);
        height = Math.Max(2, height & ~1);
        return width == image.Width && height == image.Height ? image : ImageScaler.Resize(image, width, height);
    }
}
