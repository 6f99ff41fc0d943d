using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace StarSend.Imaging.Png;

/// <summary>Reverses the PNG row filters in place.</summary>
internal static class PngUnfilter
{
    /// <param name="filter">The row's filter type byte.</param>
    /// <param name="row">The filtered row (without its filter byte), replaced by the raw row.</param>
    /// <param name="prior">The previous raw row of the same pass (all zero for the first row).</param>
    /// <param name="bpp">Bytes per complete pixel, at least 1.</param>
    public static void Apply(byte filter, Span<byte> row, ReadOnlySpan<byte> prior, int bpp)
    {
        switch (filter)
        {
            case 0:
                break;
            case 1:
                for (var i = bpp; i < row.Length; i++)
                {
                    row[i] += row[i - bpp];
                }

                break;
            case 2:
                Up(row, prior);
                break;
            case 3:
                Average(row, prior, bpp);
                break;
            case 4:
                Paeth(row, prior, bpp);
                break;
            default:
                throw new ImagingException($"PNG row uses unknown filter type {filter}.");
        }
    }

    private static void Up(Span<byte> row, ReadOnlySpan<byte> prior)
    {
        ref var r = ref MemoryMarshal.GetReference(row);
        ref var p = ref MemoryMarshal.GetReference(prior);
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i + Vector<byte>.Count <= row.Length; i += Vector<byte>.Count)
            {
                var sum = Vector.LoadUnsafe(ref r, (nuint)i) + Vector.LoadUnsafe(ref p, (nuint)i);
                sum.StoreUnsafe(ref r, (nuint)i);
            }
        }

        for (; i < row.Length; i++)
        {
            Unsafe.Add(ref r, i) += Unsafe.Add(ref p, i);
        }
    }

    private static void Average(Span<byte> row, ReadOnlySpan<byte> prior, int bpp)
    {
        for (var i = 0; i < bpp; i++)
        {
            row[i] += (byte)(prior[i] >> 1);
        }

        for (var i = bpp; i < row.Length; i++)
        {
            row[i] += (byte)((row[i - bpp] + prior[i]) >> 1);
        }
    }

    private static void Paeth(Span<byte> row, ReadOnlySpan<byte> prior, int bpp)
    {
        for (var i = 0; i < bpp; i++)
        {
            row[i] += prior[i];
        }

        for (var i = bpp; i < row.Length; i++)
        {
            row[i] += Predict(row[i - bpp], prior[i], prior[i - bpp]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte Predict(int a, int b, int c)
    {
        var pa = Math.Abs(b - c);
        var pb = Math.Abs(a - c);
        var pc = Math.Abs(a + b - c - c);
        if (pa <= pb && pa <= pc)
        {
            return (byte)a;
        }

        return (byte)(pb <= pc ? b : c);
    }
}
