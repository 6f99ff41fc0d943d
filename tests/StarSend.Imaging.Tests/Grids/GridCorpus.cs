using StarSend.Imaging.Tests.Synthetic;

namespace StarSend.Imaging.Tests.Grids;

/// <summary>
/// A seeded corpus of 2x2 grids (gutters of many colours and widths, off-centre gutters, hard seams, grids drawn at
/// twice the size and scaled down; photo, noisy, gradient and flat panels) and single pictures (scenes, a centred
/// subject, gradients, a horizon, a pole or a flat band near the middle, noise).
/// </summary>
internal static class GridCorpus
{
    public static readonly string[] GridKinds = ["gutter", "thin gutter", "off-centre gutter", "bordered gutter", "similar panels", "seam", "downscaled"];

    public static readonly string[] PictureKinds = ["scene", "subject", "gradient", "horizon", "pole", "pole and horizon", "band", "noise"];

    public static IEnumerable<Sample> All(int perKind)
    {
        foreach (var kind in GridKinds.Concat(PictureKinds))
        {
            for (var i = 0; i < perKind; i++)
            {
                yield return Build(kind, i);
            }
        }
    }

    public static Sample Build(string kind, int index)
    {
        var seed = (kind.Length * 7919) + (kind[0] * 131) + (index * 17);
        var random = new Random(seed);
        var width = random.Next(200, 520);
        var height = random.Next(200, 520);
        var image = kind switch
        {
            "gutter" => Grid(random, width, height, gutter: random.Next(width / 60, width / 20), offset: 0, border: false),
            "thin gutter" => Grid(random, width, height, gutter: random.Next(1, 4), offset: 0, border: false),
            "off-centre gutter" => Grid(random, width, height, gutter: random.Next(4, width / 25), offset: 0.07, border: false),
            "bordered gutter" => Grid(random, width, height, gutter: random.Next(4, width / 25), offset: 0.02, border: true),
            "similar panels" => Grid(random, width, height, gutter: random.Next(2, width / 30), offset: 0.03, border: false, similar: true),
            "seam" => Grid(random, width, height, gutter: 0, offset: 0.03, border: false),
            "downscaled" => ImageScaler.Resize(Grid(random, width * 2, height * 2, gutter: random.Next(0, 9), offset: 0.03, border: false), width, height),
            "scene" => SyntheticImages.Photo(width, height, seed, grain: random.Next(0, 6)),
            "subject" => Scenes.Subject(random, width, height),
            "gradient" => SyntheticImages.Gradient(width, height, SyntheticImages.RandomColor(random), SyntheticImages.RandomColor(random), random.Next(0, 4) * 90 + random.Next(-3, 4)),
            "horizon" => Scenes.Horizon(random, width, height, pole: false),
            "pole" => Scenes.Pole(random, width, height),
            "pole and horizon" => Scenes.Horizon(random, width, height, pole: true),
            "band" => Scenes.Band(random, width, height),
            "noise" => SyntheticImages.Noise(width, height, seed),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
        return new Sample($"{kind} #{index} ({width}x{height})", kind, GridKinds.Contains(kind), image);
    }

    private static RgbaImage Grid(Random random, int width, int height, int gutter, double offset, bool border, bool similar = false)
    {
        var gutterColor = random.Next(4) switch
        {
            0 => new byte[] { 255, 255, 255, 255 },
            1 => [0, 0, 0, 255],
            2 => [128, 128, 128, 255],
            _ => [(byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256), 255],
        };
        var image = SyntheticImages.Solid(width, height, gutterColor[0], gutterColor[1], gutterColor[2]);
        var outer = border ? gutter : 0;
        var splitX = (int)(width * (0.5 + ((random.NextDouble() * 2) - 1) * offset));
        var splitY = (int)(height * (0.5 + ((random.NextDouble() * 2) - 1) * offset));
        var xs = new[] { (outer, splitX - (gutter / 2)), (splitX - (gutter / 2) + gutter, width - outer) };
        var ys = new[] { (outer, splitY - (gutter / 2)), (splitY - (gutter / 2) + gutter, height - outer) };
        var kind = random.Next(5);
        var palette = random.Next();
        foreach (var (y0, y1) in ys)
        {
            foreach (var (x0, x1) in xs)
            {
                var panel = similar
                    ? SyntheticImages.Photo(x1 - x0, y1 - y0, random.Next(), grain: 2, palette: palette)
                    : Panel(random, kind == 4 ? random.Next(4) : kind, x1 - x0, y1 - y0);
                SyntheticImages.Paste(image, panel, x0, y0);
            }
        }

        if (gutter > 0)
        {
            SyntheticImages.AddGrain(image, random.Next(), 1);
        }

        return image;
    }

    private static RgbaImage Panel(Random random, int kind, int width, int height)
    {
        switch (kind)
        {
            case 0:
                return SyntheticImages.Photo(width, height, random.Next(), grain: random.Next(0, 5));
            case 1:
                var noisy = SyntheticImages.Solid(width, height, (byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
                SyntheticImages.AddGrain(noisy, random.Next(), 30);
                return noisy;
            case 2:
                return SyntheticImages.Gradient(width, height, SyntheticImages.RandomColor(random), SyntheticImages.RandomColor(random), random.Next(360));
            default:
                var flat = SyntheticImages.Solid(width, height, (byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
                for (var s = 0; s < 4; s++)
                {
                    var (w, h) = (random.Next(1, width / 2), random.Next(1, height / 2));
                    SyntheticImages.Fill(flat, random.Next(width - w), random.Next(height - h), w, h, [(byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256), 255]);
                }

                return flat;
        }
    }

    internal sealed record Sample(string Name, string Kind, bool IsGrid, RgbaImage Image);
}
