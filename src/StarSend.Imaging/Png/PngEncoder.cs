using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.Numerics;
using System.Runtime.InteropServices;

namespace StarSend.Imaging.Png;

/// <summary>Writes 8-bit RGB (when every pixel is opaque and that is allowed) or RGBA PNGs, non-interlaced.</summary>
internal static class PngEncoder
{
    private const int StageBytes = 64 * 1024;

    public static byte[] Encode(RgbaImage image, PngEncodeOptions options) => Encode(image, PixelRegion.Of(image), options);

    /// <summary>Encodes one region of the image, read in place (no cropped copy).</summary>
    public static byte[] Encode(RgbaImage image, PixelRegion region, PngEncodeOptions options) =>
        Encode(
            image,
            region,
            options.Filter,
            new ZLibCompressionOptions { CompressionLevel = ZLibLevel(options.Level), CompressionStrategy = options.Strategy },
            options.DropOpaqueAlpha);

    public static byte[] Encode(RgbaImage image, PngFilter filter, ZLibCompressionOptions zlib, bool dropOpaqueAlpha = true) =>
        Encode(image, PixelRegion.Of(image), filter, zlib, dropOpaqueAlpha);

    private static byte[] Encode(RgbaImage image, PixelRegion region, PngFilter filter, ZLibCompressionOptions zlib, bool dropOpaqueAlpha)
    {
        var opaque = dropOpaqueAlpha && IsOpaque(image, region);
        var channels = opaque ? 3 : 4;
        var rowBytes = region.Width * channels;
        using var output = new PngOutput((int)Math.Min(int.MaxValue / 2, (long)rowBytes * region.Height / 2));
        output.Write(PngChunkReader.Signature);
        WriteHeader(output, region, opaque ? PngColorType.Rgb : PngColorType.Rgba);
        using (var idat = new PngIdatStream(output))
        {
            using (var deflate = new ZLibStream(idat, zlib, leaveOpen: true))
            {
                WriteRows(deflate, image, region, filter, channels);
            }

            idat.CloseChunk();
        }

        WriteChunk(output, "IEND"u8, []);
        return output.ToArray();
    }

    internal static int ZLibLevel(CompressionLevel level) => level switch
    {
        CompressionLevel.NoCompression => 0,
        CompressionLevel.Fastest => 1,
        CompressionLevel.SmallestSize => 9,
        _ => 6,
    };

    private static void WriteRows(Stream deflate, RgbaImage image, PixelRegion region, PngFilter filter, int channels)
    {
        var rowBytes = region.Width * channels;
        var pool = ArrayPool<byte>.Shared;
        var stageSize = Math.Max(StageBytes, rowBytes + 1);
        var stage = pool.Rent(stageSize);
        var current = pool.Rent(rowBytes);
        var prior = pool.Rent(rowBytes);
        var chooser = filter == PngFilter.Adaptive ? new PngAdaptiveFilter(rowBytes) : null;
        try
        {
            prior.AsSpan(0, rowBytes).Clear();
            var used = 0;
            for (var y = 0; y < region.Height; y++)
            {
                if (used + rowBytes + 1 > stageSize)
                {
                    deflate.Write(stage, 0, used);
                    used = 0;
                }

                var raw = current.AsSpan(0, rowBytes);
                if (channels == 4)
                {
                    region.Row(image, y).CopyTo(raw);
                }
                else
                {
                    PixelShuffle.DropAlpha(region.Row(image, y), raw);
                }

                var above = prior.AsSpan(0, rowBytes);
                var rowFilter = chooser?.Choose(raw, above, channels) ?? filter;
                PngRowFilter.Apply(rowFilter, raw, above, stage.AsSpan(used + 1, rowBytes), channels);
                stage[used] = (byte)rowFilter;
                used += rowBytes + 1;
                (current, prior) = (prior, current);
            }

            deflate.Write(stage, 0, used);
        }
        finally
        {
            pool.Return(stage);
            pool.Return(current);
            pool.Return(prior);
        }
    }

    private static bool IsOpaque(RgbaImage image, PixelRegion region)
    {
        for (var y = 0; y < region.Height; y++)
        {
            if (!IsOpaque(region.Row(image, y)))
            {
                return false;
            }
        }

        return true;
    }

    internal static bool IsOpaque(ReadOnlySpan<byte> pixels)
    {
        var words = MemoryMarshal.Cast<byte, uint>(pixels);
        var alpha = BitConverter.IsLittleEndian ? 0xFF000000u : 0x000000FFu;
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var mask = new Vector<uint>(alpha);
            var all = mask;
            for (; i + Vector<uint>.Count <= words.Length; i += Vector<uint>.Count)
            {
                all &= new Vector<uint>(words[i..]);
            }

            if (!Vector.EqualsAll(all & mask, mask))
            {
                return false;
            }
        }

        for (; i < words.Length; i++)
        {
            if ((words[i] & alpha) != alpha)
            {
                return false;
            }
        }

        return true;
    }

    private static void WriteHeader(PngOutput output, PixelRegion region, PngColorType colorType)
    {
        Span<byte> body = stackalloc byte[PngHeader.Length];
        BinaryPrimitives.WriteInt32BigEndian(body, region.Width);
        BinaryPrimitives.WriteInt32BigEndian(body[4..], region.Height);
        body[8] = 8;
        body[9] = (byte)colorType;
        body[10] = 0;
        body[11] = 0;
        body[12] = 0;
        WriteChunk(output, "IHDR"u8, body);
    }

    private static void WriteChunk(PngOutput output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> body)
    {
        output.WriteInt32BigEndian(body.Length);
        output.Write(type);
        output.Write(body);
        output.WriteInt32BigEndian((int)Crc32.Append(Crc32.Compute(type), body));
    }
}
