using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace StarSend.Imaging.Png;

/// <summary>
/// Average and Paeth unfiltering for 3- and 4-byte pixels, one pixel per step with the channels side by side in a
/// vector: branch-free, where the byte-by-byte predictor mispredicts on photos. Callers check the row lengths.
/// </summary>
internal static class PngPixelUnfilter
{
    public static bool Supports(int bpp) => bpp is 3 or 4 && Vector128.IsHardwareAccelerated && BitConverter.IsLittleEndian;

    /// <summary>Unfilters pixels from the second one on while 4 bytes can be read; returns the first byte left.</summary>
    public static int Paeth(ref byte row, ref byte prior, int length, int bpp)
    {
        var a = Load(ref row, 0);
        var c = Load(ref prior, 0);
        var i = bpp;
        for (; i + 4 <= length; i += bpp)
        {
            var b = Load(ref prior, i);
            var pa = Vector128.Abs(b - c);
            var pb = Vector128.Abs(a - c);
            var pc = Vector128.Abs(a + b - c - c);
            var useA = Vector128.LessThanOrEqual(pa, pb) & Vector128.LessThanOrEqual(pa, pc);
            var useB = Vector128.LessThanOrEqual(pb, pc);
            var predicted = Vector128.ConditionalSelect(useA, a, Vector128.ConditionalSelect(useB, b, c));
            a = Store(ref row, i, bpp, Load(ref row, i) + predicted);
            c = b;
        }

        return i;
    }

    public static int Average(ref byte row, ref byte prior, int length, int bpp)
    {
        var a = Load(ref row, 0);
        var i = bpp;
        for (; i + 4 <= length; i += bpp)
        {
            var predicted = Vector128.ShiftRightLogical(a + Load(ref prior, i), 1);
            a = Store(ref row, i, bpp, Load(ref row, i) + predicted);
        }

        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<short> Load(ref byte source, int index) =>
        Vector128.WidenLower(Vector128.CreateScalarUnsafe(Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref source, index))).AsByte()).AsInt16();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<short> Store(ref byte target, int index, int bpp, Vector128<short> sum)
    {
        var value = sum & Vector128.Create((short)0xFF);
        var bytes = Vector128.Narrow(value.AsUInt16(), value.AsUInt16()).AsUInt32().ToScalar();
        if (bpp == 4)
        {
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, index), bytes);
        }
        else
        {
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, index), (ushort)bytes);
            Unsafe.Add(ref target, index + 2) = (byte)(bytes >> 16);
        }

        return value;
    }
}
