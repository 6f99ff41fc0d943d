using System.IO.Compression;

namespace StarSend.Imaging.Png;

/// <summary>
/// Encoder settings. The defaults (Paeth filter, zlib run-length strategy) were chosen by measurement
/// (<c>dotnet run -c Release --project tools/StarSend.Benchmarks -- --filters</c>; 1024x1024, one thread, CPU ms
/// on a busy 2-core machine, so ±30%):
/// <code>
///                      photo, grain 4     photo, grain 1     flat grid
///                      KiB      ms        KiB      ms        KiB   ms
/// None    Optimal (6)  2555    ~85        1558    ~65         23   ~4
/// Up      Fastest (1)  2634    ~50        1882    ~30         33   ~2
/// Up      Optimal (6)  1666    ~60        1063   ~170          5   ~2
/// Sub     RLE          1548    ~27         962    ~29         35   ~3
/// Up      RLE          1534    ~25         948    ~26         23   ~5
/// Average RLE          1473    ~24         905    ~29         51   ~4
/// Paeth   RLE          1539    ~30         944    ~30          5   ~3
/// Paeth   Huffman only 1538    ~33         936    ~20        387  ~14
/// Adaptive RLE         1471    ~83         927    ~85          5  ~12
/// </code>
/// On filtered photos, matches longer than a run buy almost nothing, so run-length search is both the fastest and
/// (with Huffman-only) the smallest; Paeth is the one filter that also keeps flat artwork tiny. Adaptive per-row
/// choice saves 2-4% for three times the time.
/// </summary>
public sealed record PngEncodeOptions
{
    public static PngEncodeOptions Default { get; } = new();

    /// <summary>zlib level; with the run-length strategy only NoCompression differs from the others.</summary>
    public CompressionLevel Level { get; init; } = CompressionLevel.Fastest;

    public PngFilter Filter { get; init; } = PngFilter.Paeth;

    public ZLibCompressionStrategy Strategy { get; init; } = ZLibCompressionStrategy.RunLengthEncoding;

    /// <summary>Drop the alpha channel when every pixel is opaque (smaller, faster files).</summary>
    public bool DropOpaqueAlpha { get; init; } = true;
}
