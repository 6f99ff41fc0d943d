using SkiaSharp;

namespace StarSend.Imaging;

/// <summary>
/// The PNG encoder settings for cells and composites, chosen by measurement (`tools/StarSend.Benchmarks -- --filters`,
/// a photo-like 1016² cell, single-thread CPU time): the Paeth filter alone with zlib level 1 wrote 1703 KiB in 29 ms,
/// against 1417 KiB in 314 ms for Skia's defaults (all five filters, level 6) and 1602 KiB in 77 ms at level 3.
/// A start frame stays far under Kling's 10 MB either way, so a tenth of the time wins over a fifth of the size.
/// </summary>
internal static class PngSettings
{
    /// <summary>What <see cref="ImageCodec.EncodePng(RgbaImage)"/> uses.</summary>
    public static SKPngEncoderOptions Cells { get; } = new(SKPngEncoderFilterFlags.Paeth, 1);
}
