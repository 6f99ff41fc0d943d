using StarSend.Imaging;

namespace StarSend.Emulator.Tests.Media;

/// <summary>Test pictures made in memory: flat colour blocks (which survive 4:2:0 exactly) over a gentle gradient.</summary>
internal static class TestFrames
{
    public const int Block = 20;

    private static readonly (byte R, byte G, byte B)[] s_palette =
    [
        (230, 40, 40), (40, 200, 60), (50, 70, 220), (240, 220, 30),
        (30, 210, 220), (200, 50, 190), (250, 250, 250), (20, 20, 20),
        (128, 128, 128), (255, 140, 0),
    ];

    public static RgbaImage Blocks(int width, int height)
    {
        var image = new RgbaImage(width, height);
        for (var y = 0; y < height; y++)
        {
            var row = image.Row(y);
            for (var x = 0; x < width; x++)
            {
                var (r, g, b) = s_palette[((x / Block) + (3 * (y / Block))) % s_palette.Length];
                var shade = (x + y) % Block / 4;
                row[x * 4] = (byte)Math.Max(0, r - shade);
                row[(x * 4) + 1] = (byte)Math.Max(0, g - shade);
                row[(x * 4) + 2] = (byte)Math.Max(0, b - shade);
                row[(x * 4) + 3] = 255;
            }
        }

        return image;
    }

    /// <summary>True when (x, y) is at least <paramref name="margin"/> pixels from every block edge, where chroma is flat.</summary>
    public static bool IsInsideBlock(int x, int y, int margin) =>
        x % Block >= margin && x % Block < Block - margin && y % Block >= margin && y % Block < Block - margin;

    public static byte[] WriteMp4(RgbaImage frame, double durationS, int fps = 24)
    {
        using var stream = new MemoryStream();
        StarSend.Emulator.Media.H264Mp4Writer.Write(frame, durationS, stream, fps);
        return stream.ToArray();
    }
}
