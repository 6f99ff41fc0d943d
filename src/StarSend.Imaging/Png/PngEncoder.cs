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

    public static byte[] Encode(RgbaImage image, PngEncodeOptions options) =>
        Encode(
            image,
            options.Filter,
            new ZLibCompressionOptions { CompressionLevel = ZLibLevel(options.Level), CompressionStrategy = options.Strategy },
            options.DropOpaqueAlpha);

    public static byte[] Encode(RgbaImage image, PngFilter filter, ZLibCompressionOptions zlib, bool dropOpaqueAlpha = true)
    {
        var opaque = dropOpaqueAlpha && IsOpaque(image.Pixels);
        var channels = opaque ? 3 : 4;
        var rowBytes = image.Width * channels;
        using var output = new MemoryStream((image.Pixels.Length / 4) + 1024);
        output.Write(PngChunkReader.Signature);
        WriteHeader(output, image, opaque ? PngColorType.Rgb : PngColorType.Rgba);
        using (var idat = new PngIdatStream(output))
        {
            using (var deflate = new ZLibStream(idat, zlib, leaveOpen: true))
            {
                WriteRows(deflate, image, filter, channels, rowBytes);
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

    private static void WriteRows(Stream deflate, RgbaImage image, PngFilter filter, int channels, int rowBytes)
    {
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
            for (var y = 0; y < image.Height; y++)
            {
                if (used + rowBytes + 1 > stageSize)
                {
                    deflate.Write(stage, 0, used);
                    used = 0;
                }

                var raw = current.AsSpan(0, rowBytes);
                if (channels == 4)
                {
                    image.Row(y).CopyTo(raw);
                }
                else
                {
                    PixelShuffle.DropAlpha(image.Row(y), raw);
                }

                var target = stage.AsSpan(used + 1, rowBytes);
                var rowFilter = chooser?.Choose(raw, prior.AsSpan(0, rowBytes), channels) ?? filter;
                PngRowFilter.Apply(rowFilter, raw, prior.AsSpan(0, rowBytes), target, channels);
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

    internal static bool IsOpaque(byte[] pixels)
    {
        var words = MemoryMarshal.Cast<byte, uint>(pixels.AsSpan());
        var alpha = BitConverter.IsLittleEndian ? 0xFF000000u : 0x000000FFu;
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var mask = new Vector<uint>(alpha);
            var all = mask;
            for (; i + Vector<uint>.Count <= words.Length; i += Vector<uint>.Count)
            {
                all &= new Vector<uint>(words[i..]);
                if (((i / Vector<uint>.Count) & 63) == 0 && !Vector.EqualsAll(all & mask, mask))
                {
                    return false;
                }
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

    private static void WriteHeader(MemoryStream output, RgbaImage image, PngColorType colorType)
    {
        Span<byte> body = stackalloc byte[PngHeader.Length];
        BinaryPrimitives.WriteInt32BigEndian(body, image.Width);
        BinaryPrimitives.WriteInt32BigEndian(body[4..], image.Height);
        body[8] = 8;
        body[9] = (byte)colorType;
        body[10] = 0;
        body[11] = 0;
        body[12] = 0;
        WriteChunk(output, "IHDR"u8, body);
    }

    private static void WriteChunk(MemoryStream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> body)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, body.Length);
        output.Write(word);
        output.Write(type);
        output.Write(body);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32.Append(Crc32.Compute(type), body));
        output.Write(word);
    }
}
