using System.Numerics;

namespace StarSend.Imaging;

/// <summary>Scaling for thumbnails and fitted frames.</summary>
public static class Resize
{
    /// <summary>
    /// Scales to exactly <paramref name="width"/>×<paramref name="height"/>: each axis is area-averaged when it
    /// shrinks and bilinear when it grows. Colours are weighted by alpha, so transparent pixels do not bleed.
    /// </summary>
    public static RgbaImage To(RgbaImage image, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (width == image.Width && height == image.Height)
        {
            return new RgbaImage(width, height, (byte[])image.Pixels.Clone());
        }

        var columns = ResizeTaps.For(image.Width, width);
        var rows = ResizeTaps.For(image.Height, height);
        var horizontal = new float[image.Height * width * 4];
        for (var y = 0; y < image.Height; y++)
        {
            ScaleRow(image.Row(y), horizontal.AsSpan(y * width * 4, width * 4), columns);
        }

        var output = new RgbaImage(width, height);
        var sum = new float[width * 4];
        for (var y = 0; y < height; y++)
        {
            Array.Clear(sum);
            var (start, count) = rows.Range(y);
            for (var t = 0; t < count; t++)
            {
                AddScaled(sum, horizontal.AsSpan((start + t) * width * 4, width * 4), rows.Weight(y, t));
            }

            Unpremultiply(sum, output.Row(y));
        }

        return output;
    }

    private static void AddScaled(Span<float> sum, ReadOnlySpan<float> source, float weight)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var scale = new Vector<float>(weight);
            for (; i + Vector<float>.Count <= sum.Length; i += Vector<float>.Count)
            {
                (new Vector<float>(sum[i..]) + (new Vector<float>(source[i..]) * scale)).CopyTo(sum[i..]);
            }
        }

        for (; i < sum.Length; i++)
        {
            sum[i] += source[i] * weight;
        }
    }

    private static void ScaleRow(ReadOnlySpan<byte> source, Span<float> target, ResizeTaps columns)
    {
        for (var x = 0; x < target.Length / 4; x++)
        {
            var (start, count) = columns.Range(x);
            float r = 0, g = 0, b = 0, a = 0;
            for (var t = 0; t < count; t++)
            {
                var p = (start + t) * 4;
                var alpha = source[p + 3] * columns.Weight(x, t);
                r += source[p] * alpha;
                g += source[p + 1] * alpha;
                b += source[p + 2] * alpha;
                a += alpha;
            }

            target[x * 4] = r;
            target[(x * 4) + 1] = g;
            target[(x * 4) + 2] = b;
            target[(x * 4) + 3] = a;
        }
    }

    private static void Unpremultiply(ReadOnlySpan<float> sum, Span<byte> row)
    {
        for (var x = 0; x < row.Length; x += 4)
        {
            var a = sum[x + 3];
            if (a <= 0)
            {
                row.Slice(x, 4).Clear();
                continue;
            }

            row[x] = ToByte(sum[x] / a);
            row[x + 1] = ToByte(sum[x + 1] / a);
            row[x + 2] = ToByte(sum[x + 2] / a);
            row[x + 3] = ToByte(a);
        }
    }

    private static byte ToByte(float value) => (byte)Math.Clamp((int)(value + 0.5f), 0, 255);
}
