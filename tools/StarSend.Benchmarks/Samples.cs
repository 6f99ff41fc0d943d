using StarSend.Imaging;
using StarSend.Imaging.Png;
using StarSend.Imaging.Tests.Synthetic;

namespace StarSend.Benchmarks;

/// <summary>
/// Writes encoder output beside the raw RGBA it came from (name.png + name.rgba), for a check with another decoder:
/// <c>python3 tools/StarSend.Benchmarks/check_png.py FOLDER</c>.
/// </summary>
internal static class Samples
{
    public static void Write(string folder, TextWriter output)
    {
        Directory.CreateDirectory(folder);
        var photo = SyntheticImages.Photo(301, 199, seed: 9);
        var translucent = SyntheticImages.Photo(120, 90, seed: 10);
        for (var i = 3; i < translucent.Pixels.Length; i += 28)
        {
            translucent.Pixels[i] = (byte)(i % 251);
        }

        foreach (var filter in Enum.GetValues<PngFilter>())
        {
            Save(folder, $"photo-{filter}", photo, new PngEncodeOptions { Filter = filter }, output);
            Save(folder, $"alpha-{filter}", translucent, new PngEncodeOptions { Filter = filter }, output);
        }

        Save(folder, "default-optimal", photo, new PngEncodeOptions { Level = System.IO.Compression.CompressionLevel.Optimal }, output);
        Save(folder, "noise-split-idat", SyntheticImages.Noise(700, 700, seed: 1), PngEncodeOptions.Default, output);
    }

    private static void Save(string folder, string name, RgbaImage image, PngEncodeOptions options, TextWriter output)
    {
        File.WriteAllBytes(Path.Combine(folder, name + ".png"), PngCodec.Encode(image, options));
        File.WriteAllBytes(Path.Combine(folder, name + ".rgba"), image.Pixels);
        output.WriteLine($"{name}: {image.Width}x{image.Height}");
    }
}
