using System.Runtime.InteropServices;

namespace StarSend.Imaging.Tests.Synthetic;

/// <summary>
/// Seeded, deterministic test pictures. "Photo" stands in for a generated still: smooth light and shading, soft-edged
/// shapes and fine grain, so that filters and deflate see what they would on real frames. Shared with the benchmarks.
/// </summary>
internal static class SyntheticImages
{
    /// <summary>
    /// A photo-like picture. With a <paramref name="palette"/> seed the light and background come from it and only
    /// the shapes from <paramref name="seed"/>: variations of one scene, like the cells of a real grid.
    /// </summary>
    public static RgbaImage Photo(int width, int height, int seed, int grain = 4, int? palette = null)
    {
        var random = new Random(seed);
        var background = palette is { } p ? new Random(p) : random;
        var image = new RgbaImage(width, height);
        var top = RandomColor(background);
        var bottom = RandomColor(background);
        var waves = Enumerable.Range(0, 3).Select(_ => new Wave(background, width, height)).ToArray();
        var shade = new double[width];
        for (var y = 0; y < height; y++)
        {
            var row = image.Row(y);
            var t = y / (double)height;
            Array.Clear(shade);
            foreach (var wave in waves)
            {
                wave.AddRow(shade, y);
            }

            for (var x = 0; x < width; x++)
            {
                for (var c = 0; c < 3; c++)
                {
                    row[(x * 4) + c] = Clamp(top[c] + ((bottom[c] - top[c]) * t) + shade[x]);
                }

                row[(x * 4) + 3] = 255;
            }
        }

        var shapes = random.Next(6, 12);
        for (var i = 0; i < shapes; i++)
        {
            DrawBlob(image, random);
        }

        AddGrain(image, seed, grain);
        return image;
    }

    public static RgbaImage Noise(int width, int height, int seed)
    {
        var image = new RgbaImage(width, height);
        new Random(seed).NextBytes(image.Pixels);
        for (var i = 3; i < image.Pixels.Length; i += 4)
        {
            image.Pixels[i] = 255;
        }

        return image;
    }

    /// <summary>A linear ramp between two colours; <paramref name="angle"/> in degrees, 0 = left to right.</summary>
    public static RgbaImage Gradient(int width, int height, double[] from, double[] to, double angle)
    {
        var image = new RgbaImage(width, height);
        var (dx, dy) = (Math.Cos(angle * Math.PI / 180), Math.Sin(angle * Math.PI / 180));
        var span = (Math.Abs(dx) * width) + (Math.Abs(dy) * height);
        var origin = Math.Min(0, dx * width) + Math.Min(0, dy * height);
        for (var y = 0; y < height; y++)
        {
            var row = image.Row(y);
            for (var x = 0; x < width; x++)
            {
                var t = ((x * dx) + (y * dy) - origin) / span;
                for (var c = 0; c < 3; c++)
                {
                    row[(x * 4) + c] = Clamp(from[c] + ((to[c] - from[c]) * t));
                }

                row[(x * 4) + 3] = 255;
            }
        }

        return image;
    }

    public static RgbaImage Solid(int width, int height, byte r, byte g, byte b, byte a = 255)
    {
        var image = new RgbaImage(width, height);
        Fill(image, 0, 0, width, height, [r, g, b, a]);
        return image;
    }

    public static void Fill(RgbaImage image, int x0, int y0, int width, int height, byte[] rgba)
    {
        var value = BitConverter.ToUInt32(rgba);
        for (var y = y0; y < y0 + height; y++)
        {
            MemoryMarshal.Cast<byte, uint>(image.Row(y)).Slice(x0, width).Fill(value);
        }
    }

    /// <summary>Copies <paramref name="source"/> into <paramref name="target"/> with its top-left at (x0, y0).</summary>
    public static void Paste(RgbaImage target, RgbaImage source, int x0, int y0)
    {
        for (var y = 0; y < source.Height; y++)
        {
            source.Row(y).CopyTo(target.Row(y0 + y)[(x0 * 4)..]);
        }
    }

    public static void AddGrain(RgbaImage image, int seed, int amplitude)
    {
        if (amplitude <= 0)
        {
            return;
        }

        var pixels = image.Pixels;
        var state = (uint)seed * 2654435761u;
        for (var i = 0; i < pixels.Length; i++)
        {
            if ((i & 3) == 3)
            {
                continue;
            }

            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            var offset = (int)(state % (uint)((2 * amplitude) + 1)) - amplitude;
            pixels[i] = (byte)Math.Clamp(pixels[i] + offset, 0, 255);
        }
    }

    public static double[] RandomColor(Random random) => [random.Next(256), random.Next(256), random.Next(256)];

    public static byte Clamp(double value) => (byte)Math.Clamp((int)(value + 0.5), 0, 255);

    private static void DrawBlob(RgbaImage image, Random random)
    {
        var (cx, cy) = (random.NextDouble() * image.Width, random.NextDouble() * image.Height);
        var (rx, ry) = ((0.05 + (random.NextDouble() * 0.25)) * image.Width, (0.05 + (random.NextDouble() * 0.25)) * image.Height);
        var color = RandomColor(random);
        var light = 0.3 + (random.NextDouble() * 0.5);
        var x0 = Math.Max(0, (int)(cx - rx - 2));
        var x1 = Math.Min(image.Width, (int)(cx + rx + 2));
        for (var y = Math.Max(0, (int)(cy - ry - 2)); y < Math.Min(image.Height, (int)(cy + ry + 2)); y++)
        {
            var row = image.Row(y);
            for (var x = x0; x < x1; x++)
            {
                var (u, v) = ((x - cx) / rx, (y - cy) / ry);
                var d = Math.Sqrt((u * u) + (v * v));
                var coverage = Math.Clamp((1 - d) * Math.Min(rx, ry) / 2, 0, 1);
                if (coverage <= 0)
                {
                    continue;
                }

                var shade = 1 - (light * (u + v + 1) / 3);
                for (var c = 0; c < 3; c++)
                {
                    var p = (x * 4) + c;
                    row[p] = Clamp((row[p] * (1 - coverage)) + (color[c] * shade * coverage));
                }
            }
        }
    }

    /// <summary>A plane wave of light, summed row by row as sin(a + b) = sin a cos b + cos a sin b.</summary>
    private sealed class Wave
    {
        private readonly double[] _sinX;
        private readonly double[] _cosX;
        private readonly double _fy;
        private readonly double _phase;
        private readonly double _amplitude;

        public Wave(Random random, int width, int height)
        {
            var fx = ((random.NextDouble() * 4) - 2) * Math.PI / width;
            _fy = ((random.NextDouble() * 4) - 2) * Math.PI / height;
            _phase = random.NextDouble() * Math.PI * 2;
            _amplitude = 6 + (random.NextDouble() * 14);
            _sinX = new double[width];
            _cosX = new double[width];
            for (var x = 0; x < width; x++)
            {
                (_sinX[x], _cosX[x]) = Math.SinCos(fx * x);
            }
        }

        public void AddRow(double[] shade, int y)
        {
            var (sinY, cosY) = Math.SinCos((_fy * y) + _phase);
            for (var x = 0; x < shade.Length; x++)
            {
                shade[x] += _amplitude * ((_sinX[x] * cosY) + (_cosX[x] * sinY));
            }
        }
    }
}
