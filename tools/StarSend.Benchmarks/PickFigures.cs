using StarSend.Imaging;

namespace StarSend.Benchmarks;

/// <summary>
/// `pick` on a 2048² grid as whole processes, as ratios: StarSend on SkiaSharp against the hand-written codec it
/// replaced (measured before the switch, kept as a note) and against Pillow cropping the same cell in python3.
/// </summary>
internal static class PickFigures
{
    /// <summary>
    /// The hand-written PNG codec's whole-process pick, measured with `--pick-process` at commit fa27991 (the parent of
    /// the SkiaSharp switch) on this 2-core shared machine, load 2.4: 199, 222, 199 ms (medians of 7 runs each).
    /// </summary>
    public const double HandWrittenCodecMs = 199;

    public static void Run(TextWriter output)
    {
        var folder = Directory.CreateTempSubdirectory("starsend-pick-");
        try
        {
            var grid = BenchmarkGrid.Create();
            var gridPath = Path.Combine(folder.FullName, "grid.png");
            File.WriteAllBytes(gridPath, ImageCodec.EncodePng(grid));
            var (self, selfArgs) = PickProcess.Self();
            var skia = PickProcess.Median(self, [.. selfArgs, "--pick", gridPath, Path.Combine(folder.FullName, "cell.png")]);
            output.WriteLine($"pick, whole process, 2048x2048 grid -> one PNG cell: SkiaSharp {skia:F0} ms (median of 7)");
            output.WriteLine($"  hand-written codec (note from commit fa27991): {HandWrittenCodecMs:F0} ms; SkiaSharp/hand-written {skia / HandWrittenCodecMs:F2}");
            if (Pillow.Find() is not { } python)
            {
                output.WriteLine("  Pillow: skipped (python3 with PIL not found; Debian: apt-get install python3-pil)");
                return;
            }

            var (left, top, right, bottom) = PickCell.Box(grid);
            var script = $"import sys; from PIL import Image; Image.open(sys.argv[1]).crop(({left},{top},{right},{bottom})).save(sys.argv[2])";
            var pillow = PickProcess.Median(python, ["-c", script, gridPath, Path.Combine(folder.FullName, "pillow.png")]);
            output.WriteLine($"  Pillow {Pillow.Version(python)} same crop: {pillow:F0} ms; SkiaSharp/Pillow {skia / pillow:F2} (below 1: ahead of Pillow)");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
