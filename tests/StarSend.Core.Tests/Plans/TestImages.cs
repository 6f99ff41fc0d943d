using StarSend.Imaging;

namespace StarSend.Core.Tests.Plans;

/// <summary>Writes small, real image files for plan tests: solid-colour PNG and JPEG, encoded by StarSend.Imaging.</summary>
internal static class TestImages
{
    public static void Png(string path, int width, int height) => Write(path, ImageCodec.EncodePng(Solid(width, height)));

    public static void JpegHeader(string path, int width, int height) => Write(path, ImageCodec.EncodeJpeg(Solid(width, height)));

    private static void Write(string path, byte[] bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    private static RgbaImage Solid(int width, int height)
    {
        var image = new RgbaImage(width, height);
        image.Pixels.AsSpan().Fill(0x80);
        for (var i = 3; i < image.Pixels.Length; i += 4)
        {
            image.Pixels[i] = 255;
        }

        return image;
    }
}
