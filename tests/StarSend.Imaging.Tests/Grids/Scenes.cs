using StarSend.Imaging.Tests.Synthetic;

namespace StarSend.Imaging.Tests.Grids;

/// <summary>Single pictures with straight structure near the middle: the look-alikes a grid detector must refuse.</summary>
internal static class Scenes
{
    public static RgbaImage Horizon(Random random, int width, int height, bool pole)
    {
        var horizon = (int)(height * (0.4 + (random.NextDouble() * 0.2)));
        var image = SyntheticImages.Gradient(width, height, [90, 150, 230], [200, 225, 250], 90);
        var ground = SyntheticImages.Photo(width, height - horizon, random.Next(), grain: 0);
        var tint = SyntheticImages.RandomColor(random);
        for (var y = 0; y < ground.Height; y++)
        {
            var row = ground.Row(y);
            for (var x = 0; x < row.Length; x += 4)
            {
                for (var c = 0; c < 3; c++)
                {
                    row[x + c] = (byte)((row[x + c] + tint[c]) / 3);
                }
            }
        }

        SyntheticImages.Paste(image, ground, 0, horizon);
        if (pole)
        {
            DrawPole(random, image);
        }

        SyntheticImages.AddGrain(image, random.Next(), random.Next(0, 4));
        return image;
    }

    public static RgbaImage Pole(Random random, int width, int height)
    {
        var image = SyntheticImages.Photo(width, height, random.Next(), grain: 0);
        DrawPole(random, image);
        SyntheticImages.AddGrain(image, random.Next(), random.Next(0, 4));
        return image;
    }

    /// <summary>A picture crossed by a flat horizontal band (a shelf, a road) near the middle.</summary>
    public static RgbaImage Band(Random random, int width, int height)
    {
        var image = SyntheticImages.Photo(width, height, random.Next(), grain: 0);
        var thickness = random.Next(2, Math.Max(3, height / 20));
        var y = (int)(height * (0.45 + (random.NextDouble() * 0.1)));
        SyntheticImages.Fill(image, 0, y, width, thickness, [(byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256), 255]);
        SyntheticImages.AddGrain(image, random.Next(), random.Next(0, 3));
        return image;
    }

    /// <summary>Sky, one large subject over the centre and a ground strip: a single keyframe as a model draws it.</summary>
    public static RgbaImage Subject(Random random, int width, int height)
    {
        var image = SyntheticImages.Gradient(width, height, SyntheticImages.RandomColor(random), SyntheticImages.RandomColor(random), 90);
        var radius = Math.Min(width, height) * (0.25 + (random.NextDouble() * 0.12));
        var (cx, cy) = (width * (0.46 + (random.NextDouble() * 0.08)), height * (0.46 + (random.NextDouble() * 0.08)));
        var color = new[] { (byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256), (byte)255 };
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                if (((x - cx) * (x - cx)) + ((y - cy) * (y - cy)) <= radius * radius)
                {
                    color.CopyTo(image.Row(y).Slice(x * 4, 4));
                }
            }
        }

        var ground = (int)(height * (0.72 + (random.NextDouble() * 0.08)));
        SyntheticImages.Fill(image, 0, ground, width, height - ground, [(byte)random.Next(120), (byte)random.Next(120), (byte)random.Next(120), 255]);
        SyntheticImages.AddGrain(image, random.Next(), random.Next(0, 3));
        return image;
    }

    private static void DrawPole(Random random, RgbaImage image)
    {
        var thickness = random.Next(2, Math.Max(3, image.Width / 25));
        var x = (int)(image.Width * (0.44 + (random.NextDouble() * 0.12)));
        SyntheticImages.Fill(image, x, 0, thickness, image.Height, [(byte)random.Next(120), (byte)random.Next(120), (byte)random.Next(120), 255]);
    }
}
