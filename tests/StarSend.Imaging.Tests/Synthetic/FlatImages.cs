namespace StarSend.Imaging.Tests.Synthetic;

/// <summary>Flat-shaded pictures: cartoon-like panels that compress very well.</summary>
internal static class FlatImages
{
    /// <summary>A 2x2 grid of flat panels, each with a few flat rectangles, split by white gutters.</summary>
    public static RgbaImage Grid(int size, int seed, int gutter = 16)
    {
        var random = new Random(seed);
        var image = SyntheticImages.Solid(size, size, 255, 255, 255);
        var cell = (size - gutter) / 2;
        for (var i = 0; i < 4; i++)
        {
            var (x0, y0) = ((i % 2) * (cell + gutter), (i / 2) * (cell + gutter));
            SyntheticImages.Fill(image, x0, y0, cell, cell, Color(random));
            for (var s = 0; s < 5; s++)
            {
                var (w, h) = (random.Next(cell / 8, cell / 2), random.Next(cell / 8, cell / 2));
                SyntheticImages.Fill(image, x0 + random.Next(cell - w), y0 + random.Next(cell - h), w, h, Color(random));
            }
        }

        return image;
    }

    private static byte[] Color(Random random) => [(byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256), 255];
}
