using StarSend.Imaging;

namespace StarSend.Cli.Tests.Commands.Support;

/// <summary>Writes real PNG files (encoded by StarSend.Imaging) for plan tests.</summary>
internal static class TestPng
{
    public static void Write(string path, int width, int height)
    {
        var image = new RgbaImage(width, height);
        for (var y = 0; y < height; y++)
        {
            var row = image.Row(y);
            for (var x = 0; x < width; x++)
            {
                row[(x * 4) + 0] = (byte)(x * 255 / width);
                row[(x * 4) + 1] = (byte)(y * 255 / height);
                row[(x * 4) + 2] = 0x60;
                row[(x * 4) + 3] = 0xFF;
            }
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, ImageCodec.EncodePng(image));
    }
}
