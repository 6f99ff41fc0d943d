using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace StarSend.Imaging.Png;

/// <summary>Reverses the PNG row filters in place.</summary>
internal static class PngUnfilter
{
    /// <param name="filter">The row's filter type byte.</param>
    /// <param name="row">The filtered row (without its filter byte), replaced by the raw row.</param>
    /// <param name="prior">The previous raw row of the same pass (all zero for the first row), as long as the row.</param>
    /// <param name="bpp">Bytes per complete pixel, at least 1.</param>
    public static void Apply(byte filter, Span<byte> row, ReadOnlySpan<byte> prior, int bpp)
    {
        if (prior.Length != row.Length || bpp < 1)
        {
            throw new ArgumentException("The prior row must be as long as the row.", nameof(prior));
        }

        // The loops below read through refs: every index stays below row.Length, checked once above.
        ref var r = ref MemoryMarshal.GetReference(row);
        ref var p = ref MemoryMarshal.GetReference(prior);
        var n = row.Length;
        switch (filter)
        {
            case 0:
                break;
            case 1:
                for (var i = bpp; i < n; i++)
                {
                    Unsafe.Add(ref r, i) += Unsafe.Add(ref r, i - bpp);
                }

                break;
            case 2:
                Up(ref r, ref p, n);
                break;
            case 3:
                for (var i = 0; i < Math.Min(bpp, n); i++)
                {
                    Unsafe.Add(ref r, i) += (byte)(Unsafe.Add(ref p, i) >> 1);
                }

                for (var i = PngPixelUnfilter.Supports(bpp) ? PngPixelUnfilter.Average(ref r, ref p, n, bpp) : bpp; i < n; i++)
                {
                    Unsafe.Add(ref r, i) += (byte)((Unsafe.Add(ref r, i - bpp) + Unsafe.Add(ref p, i)) >> 1);
                }

                break;
            case 4:
                for (var i = 0; i < Math.Min(bpp, n); i++)
                {
                    Unsafe.Add(ref r, i) += Unsafe.Add(ref p, i);
                }

                for (var i = PngPixelUnfilter.Supports(bpp) ? PngPixelUnfilter.Paeth(ref r, ref p, n, bpp) : bpp; i < n; i++)
                {
                    Unsafe.Add(ref r, i) += Predict(Unsafe.Add(ref r, i - bpp), Unsafe.Add(ref p, i), Unsafe.Add(ref p, i - bpp));
                }

                break;
            default:
                throw new ImagingException($"PNG row uses unknown filter type {filter}.");
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

    private static void Up(ref byte r, ref byte p, int n)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i + Vector<byte>.Count <= n; i += Vector<byte>.Count)
            {
                (Vector.LoadUnsafe(ref r, (nuint)i) + Vector.LoadUnsafe(ref p, (nuint)i)).StoreUnsafe(ref r, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            Unsafe.Add(ref r, i) += Unsafe.Add(ref p, i);
        }
    }
}
