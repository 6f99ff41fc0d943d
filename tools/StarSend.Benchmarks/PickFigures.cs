using StarSend.Imaging;

namespace StarSend.Benchmarks;

/// <summary>
/// `pick` on a 2048² grid as whole processes, as ratios: StarSend on SkiaSharp against the hand-written codec it
/// replaced and against Pillow cropping the same cell in python3. Wall and CPU time (user + system of the child):
/// the machine is shared, and CPU time is what a busy neighbour disturbs least.
/// </summary>
internal static class PickFigures
{
    /// <summary>
    /// The hand-written PNG codec's whole-process pick, measured with `--pick-process` at commit fa27991 (the parent
    /// of the SkiaSharp switch) on this 2-core shared machine at load 2.4: 199, 222, 199 ms wall (medians of 7).
    /// Set STARSEND_OLD_CODEC_PICK to that commit's built benchmark tool to measure it in the same run instead.
    /// </summary>
    public const double HandWrittenCodecWallMs = 199;

    public static void Run(TextWriter output)
    {
        var folder = Directory.CreateTempSubdirectory("starsend-pick-");
        try
        {
            var grid = BenchmarkGrid.Create();
            var gridPath = Path.Combine(folder.FullName, "grid.png");
            File.WriteAllBytes(gridPath, ImageCodec.EncodePng(grid));
            var cell = Path.Combine(folder.FullName, "cell.png");
            var (self, selfArgs) = PickProcess.Self();
            var skia = PickProcess.Median(self, [.. selfArgs, "--pick", gridPath, cell]);
            output.WriteLine($"pick, whole process, 2048x2048 grid -> one PNG cell (medians of 7): SkiaSharp {skia.Wall:F0} ms wall, {skia.Cpu:F0} ms CPU");
            if (Environment.GetEnvironmentVariable("STARSEND_OLD_CODEC_PICK") is { Length: > 0 } old && File.Exists(old))
            {
                var hand = PickProcess.Median(old, ["--pick", gridPath, cell]);
                output.WriteLine($"  hand-written codec (same run): {hand.Wall:F0} ms wall, {hand.Cpu:F0} ms CPU; SkiaSharp/hand-written {skia.Wall / hand.Wall:F2} wall, {skia.Cpu / hand.Cpu:F2} CPU");
            }
            else
            {
                output.WriteLine($"  hand-written codec (note from commit fa27991, load 2.4): {HandWrittenCodecWallMs:F0} ms wall; SkiaSharp/hand-written {skia.Wall / HandWrittenCodecWallMs:F2} wall");
            }

            if (Pillow.Find() is not { } python)
            {
                output.WriteLine("  Pillow: skipped (python3 with PIL not found; Debian: apt-get install python3-pil)");
                return;
            }

            var (left, top, right, bottom) = PickCell.Box(grid);
            var script = $"import sys; from PIL import Image; Image.open(sys.argv[1]).crop(({left},{top},{right},{bottom})).save(sys.argv[2])";
            var pillow = PickProcess.Median(python, ["-c", script, gridPath, Path.Combine(folder.FullName, "pillow.png")]);
            output.WriteLine(
                $"  Pillow {Pillow.Version(python)} same crop: {pillow.Wall:F0} ms wall, {pillow.Cpu:F0} ms CPU; SkiaSharp/Pillow {skia.Wall / pillow.Wall:F2} wall, {skia.Cpu / pillow.Cpu:F2} CPU (below 1: ahead of Pillow)");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
