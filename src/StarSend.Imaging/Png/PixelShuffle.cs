using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace StarSend.Imaging.Png;

/// <summary>RGBA8 ⇄ RGB8 row conversion, four pixels per byte shuffle where the hardware has one.</summary>
internal static class PixelShuffle
{
    private static readonly Vector128<byte> DropIndices = Vector128.Create((byte)0, 1, 2, 4, 5, 6, 8, 9, 10, 12, 13, 14, 0x80, 0x80, 0x80, 0x80);
    private static readonly Vector128<byte> AddIndices = Vector128.Create((byte)0, 1, 2, 0x80, 3, 4, 5, 0x80, 6, 7, 8, 0x80, 9, 10, 11, 0x80);
    private static readonly Vector128<byte> OpaqueMask = Vector128.Create(0xFF000000u).AsByte();

    public static void DropAlpha(ReadOnlySpan<byte> rgba, Span<byte> rgb)
    {
        int s = 0, d = 0;
        if (Vector128.IsHardwareAccelerated && BitConverter.IsLittleEndian)
        {
            ref var source = ref MemoryMarshal.GetReference(rgba);
            ref var target = ref MemoryMarshal.GetReference(rgb);
            for (; s + 16 <= rgba.Length && d + 16 <= rgb.Length; s += 16, d += 12)
            {
                Vector128.Shuffle(Vector128.LoadUnsafe(ref source, (nuint)s), DropIndices).StoreUnsafe(ref target, (nuint)d);
            }
        }

        for (; d < rgb.Length; s += 4, d += 3)
        {
            rgb[d] = rgba[s];
            rgb[d + 1] = rgba[s + 1];
            rgb[d + 2] = rgba[s + 2];
        }
    }

    public static void AddOpaqueAlpha(ReadOnlySpan<byte> rgb, Span<byte> rgba)
    {
        int s = 0, d = 0;
        if (Vector128.IsHardwareAccelerated && BitConverter.IsLittleEndian)
        {
            ref var source = ref MemoryMarshal.GetReference(rgb);
            ref var target = ref MemoryMarshal.GetReference(rgba);
            for (; s + 16 <= rgb.Length && d + 16 <= rgba.Length; s += 12, d += 16)
            {
                var pixels = Vector128.Shuffle(Vector128.LoadUnsafe(ref source, (nuint)s), AddIndices) | OpaqueMask;
                pixels.StoreUnsafe(ref target, (nuint)d);
            }
        }

        for (; d < rgba.Length; s += 3, d += 4)
        {
            rgba[d] = rgb[s];
            rgba[d + 1] = rgb[s + 1];
            rgba[d + 2] = rgb[s + 2];
            rgba[d + 3] = 255;
        }
    }
}
