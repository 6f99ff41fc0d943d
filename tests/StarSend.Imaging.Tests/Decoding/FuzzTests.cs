using System.Diagnostics;
using StarSend.Imaging.Grids;
using StarSend.Imaging.Tests.Synthetic;

namespace StarSend.Imaging.Tests.Decoding;

/// <summary>
/// Deterministic mutants of a real grid (flipped bytes, overwritten runs, cuts, duplicated spans), as PNG and as
/// JPEG: each one decodes to a picture of the right size or gives an <see cref="ImagingException"/>, nothing else, and
/// each finishes within a time bound measured with a Stopwatch (the decode runs on a worker; a hang fails the wait).
/// </summary>
public sealed class FuzzTests
{
    private const int Mutants = 300;

    // Generous for a 2-core machine shared with other builds; a hang (the failure this guards against) never ends.
    private static readonly TimeSpan PerMutant = TimeSpan.FromSeconds(10);

    public static TheoryData<string> Formats() => ["png", "jpeg", "png-interlaced"];

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Decode_MutatedGrids_DecodeOrFailCleanlyWithinTheBound(string format)
    {
        var grid = Grid();
        var original = format switch
        {
            "jpeg" => ImageCodec.EncodeJpeg(grid),
            "png-interlaced" => File.ReadAllBytes(Path.Combine(TestData.SharedData, "pngsuite", "ibasn6a08.png")),
            _ => ImageCodec.EncodePng(grid),
        };
        var expectedWidth = ImageCodec.Decode(original).Width;
        var random = new Random(1234);
        var (decoded, rejected) = (0, 0);
        var slowest = TimeSpan.Zero;

        for (var i = 0; i < Mutants; i++)
        {
            var mutant = Mutate(original, random);
            var watch = Stopwatch.StartNew();
            var decode = Task.Run(() =>
            {
                try
                {
                    return (Image: ImageCodec.Decode(mutant, $"mutant{i}"), Error: (Exception?)null);
                }
                catch (Exception ex)
                {
                    return (Image: (RgbaImage?)null, Error: ex);
                }
            });
            var (image, error) = await decode.WaitAsync(PerMutant);
            watch.Stop();
            slowest = watch.Elapsed > slowest ? watch.Elapsed : slowest;

            if (error is null)
            {
                image!.Width.Should().BeGreaterThan(0);
                decoded++;
            }
            else
            {
                error.Should().BeOfType<ImagingException>($"mutant {i} may only fail with the imaging error");
                error.Message.Should().StartWith($"mutant{i}: ").And.NotContain("\n");
                rejected++;
            }
        }

        (decoded + rejected).Should().Be(Mutants);
        rejected.Should().BeGreaterThan(0, "some mutants are cut short or lose their header");
        slowest.Should().BeLessThan(PerMutant);
        expectedWidth.Should().BeGreaterThan(0);
    }

    private static RgbaImage Grid()
    {
        var grid = SyntheticImages.Solid(256, 256, 255, 255, 255);
        for (var i = 0; i < 4; i++)
        {
            SyntheticImages.Paste(grid, SyntheticImages.Photo(124, 124, seed: 90 + i), (i % 2) * 132, (i / 2) * 132);
        }

        GridDetector.Detect(grid).IsGrid.Should().BeTrue();
        return grid;
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        var data = (byte[])original.Clone();
        switch (random.Next(4))
        {
            case 0:
                for (var k = random.Next(1, 8); k > 0; k--)
                {
                    data[random.Next(data.Length)] ^= (byte)random.Next(1, 256);
                }

                return data;
            case 1:
                var start = random.Next(data.Length);
                data.AsSpan(start, Math.Min(random.Next(1, 64), data.Length - start)).Fill((byte)random.Next(256));
                return data;
            case 2:
                return data[..random.Next(data.Length)];
            default:
                var from = random.Next(data.Length / 2);
                var span = random.Next(1, Math.Min(4096, data.Length - from));
                return [.. data.AsSpan(0, from + span), .. data.AsSpan(from)];
        }
    }
}
