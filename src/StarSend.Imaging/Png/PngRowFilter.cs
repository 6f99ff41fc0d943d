using System.Numerics;
using System.Runtime.InteropServices;

namespace StarSend.Imaging.Png;

/// <summary>Applies a PNG filter to a raw row. Every filter reads only raw bytes here, so all of them vectorize.</summary>
internal static class PngRowFilter
{
    public static void Apply(PngFilter filter, ReadOnlySpan<byte> raw, ReadOnlySpan<byte> prior, Span<byte> output, int bpp)
    {
        switch (filter)
        {
            case PngFilter.None:
                raw.CopyTo(output);
                break;
            case PngFilter.Sub:
                raw[..bpp].CopyTo(output);
                Subtract(raw[bpp..], raw, output[bpp..]);
                break;
            case PngFilter.Up:
                Subtract(raw, prior, output);
                break;
            case PngFilter.Average:
                Average(raw, prior, output, bpp);
                break;
            case PngFilter.Paeth:
                Paeth(raw, prior, output, bpp);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(filter), filter, "Adaptive is chosen per row by the encoder.");
        }
    }

    /// <summary>The libpng heuristic: sum of the filtered bytes read as signed magnitudes.</summary>
    public static long Cost(ReadOnlySpan<byte> filtered)
    {
        long sum = 0;
        foreach (var b in filtered)
        {
            sum += b < 128 ? b : 256 - b;
        }

        return sum;
    }

    private static void Subtract(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, Span<byte> output)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            ref var ra = ref MemoryMarshal.GetReference(a);
            ref var rb = ref MemoryMarshal.GetReference(b);
            ref var ro = ref MemoryMarshal.GetReference(output);
            for (; i + Vector<byte>.Count <= output.Length; i += Vector<byte>.Count)
            {
                (Vector.LoadUnsafe(ref ra, (nuint)i) - Vector.LoadUnsafe(ref rb, (nuint)i)).StoreUnsafe(ref ro, (nuint)i);
            }
        }

        for (; i < output.Length; i++)
        {
            output[i] = (byte)(a[i] - b[i]);
        }
    }

    private static void Average(ReadOnlySpan<byte> raw, ReadOnlySpan<byte> prior, Span<byte> output, int bpp)
    {
        for (var i = 0; i < bpp; i++)
        {
            output[i] = (byte)(raw[i] - (prior[i] >> 1));
        }

        var start = bpp;
        if (Vector.IsHardwareAccelerated)
        {
            ref var r = ref MemoryMarshal.GetReference(raw);
            ref var p = ref MemoryMarshal.GetReference(prior);
            ref var o = ref MemoryMarshal.GetReference(output);
            for (; start + Vector<byte>.Count <= raw.Length; start += Vector<byte>.Count)
            {
                var left = Vector.LoadUnsafe(ref r, (nuint)(start - bpp));
                var up = Vector.LoadUnsafe(ref p, (nuint)start);
                var mean = (left & up) + Vector.ShiftRightLogical(left ^ up, 1);
                (Vector.LoadUnsafe(ref r, (nuint)start) - mean).StoreUnsafe(ref o, (nuint)start);
            }
        }

        for (var i = start; i < raw.Length; i++)
        {
            output[i] = (byte)(raw[i] - ((raw[i - bpp] + prior[i]) >> 1));
        }
    }

    private static void Paeth(ReadOnlySpan<byte> raw, ReadOnlySpan<byte> prior, Span<byte> output, int bpp)
    {
        for (var i = 0; i < bpp; i++)
        {
            output[i] = (byte)(raw[i] - prior[i]);
        }

        var start = bpp;
        if (Vector.IsHardwareAccelerated)
        {
            start = PaethVector(raw, prior, output, bpp);
        }

        for (var i = start; i < raw.Length; i++)
        {
            output[i] = (byte)(raw[i] - PngUnfilter.Predict(raw[i - bpp], prior[i], prior[i - bpp]));
        }
    }

    private static int PaethVector(ReadOnlySpan<byte> raw, ReadOnlySpan<byte> prior, Span<byte> output, int bpp)
    {
        ref var r = ref MemoryMarshal.GetReference(raw);
        ref var p = ref MemoryMarshal.GetReference(prior);
        ref var o = ref MemoryMarshal.GetReference(output);
        var i = bpp;
        for (; i + Vector<byte>.Count <= raw.Length; i += Vector<byte>.Count)
        {
            Vector.Widen(Vector.LoadUnsafe(ref r, (nuint)(i - bpp)), out var aLo, out var aHi);
            Vector.Widen(Vector.LoadUnsafe(ref p, (nuint)i), out var bLo, out var bHi);
            Vector.Widen(Vector.LoadUnsafe(ref p, (nuint)(i - bpp)), out var cLo, out var cHi);
            var predicted = Vector.Narrow(Predict(aLo, bLo, cLo), Predict(aHi, bHi, cHi));
            (Vector.LoadUnsafe(ref r, (nuint)i) - predicted).StoreUnsafe(ref o, (nuint)i);
        }

        return i;
    }

    private static Vector<ushort> Predict(Vector<ushort> a, Vector<ushort> b, Vector<ushort> c)
    {
        var sa = Vector.AsVectorInt16(a);
        var sb = Vector.AsVectorInt16(b);
        var sc = Vector.AsVectorInt16(c);
        var pa = Vector.Abs(sb - sc);
        var pb = Vector.Abs(sa - sc);
        var pc = Vector.Abs(sa + sb - sc - sc);
        var useA = Vector.LessThanOrEqual(pa, pb) & Vector.LessThanOrEqual(pa, pc);
        var useB = Vector.LessThanOrEqual(pb, pc);
        var result = Vector.ConditionalSelect(useA, sa, Vector.ConditionalSelect(useB, sb, sc));
        return Vector.AsVectorUInt16(result);
    }
}
