namespace StarSend.Imaging.Png;

/// <summary>Turns one raw (unfiltered) row of any colour type and bit depth into RGBA8. 16-bit samples keep their high byte.</summary>
internal sealed class PngRowConverter(PngStructure png)
{
    private readonly PngHeader _header = png.Header;
    private readonly byte[]? _palette = png.Palette;
    private readonly PngTransparency? _key = png.Transparency;

    public void Convert(ReadOnlySpan<byte> raw, Span<byte> rgba, int width)
    {
        rgba = rgba[..(width * 4)];
        switch (_header.ColorType)
        {
            case PngColorType.Gray when _header.BitDepth == 16:
                Gray16(raw, rgba, _key?.Gray ?? -1);
                break;
            case PngColorType.Gray:
                Gray(raw, rgba, width, _header.BitDepth, _key?.Gray ?? -1);
                break;
            case PngColorType.Palette:
                Palette(raw, rgba, width, _header.BitDepth, _palette!);
                break;
            case PngColorType.Rgb when _header.BitDepth == 8 && _key is null:
                PixelShuffle.AddOpaqueAlpha(raw[..(width * 3)], rgba);
                break;
            case PngColorType.Rgb:
                Rgb(raw, rgba, _header.BitDepth == 16, _key);
                break;
            case PngColorType.GrayAlpha:
                GrayAlpha(raw, rgba, _header.BitDepth == 16 ? 2 : 1);
                break;
            case PngColorType.Rgba when _header.BitDepth == 8:
                raw[..rgba.Length].CopyTo(rgba);
                break;
            default:
                for (var i = 0; i < rgba.Length; i++)
                {
                    rgba[i] = raw[i * 2];
                }

                break;
        }
    }

    private static int Sample(ReadOnlySpan<byte> raw, int x, int depth)
    {
        var bit = x * depth;
        return (raw[bit >> 3] >> (8 - depth - (bit & 7))) & ((1 << depth) - 1);
    }

    private static void Gray(ReadOnlySpan<byte> raw, Span<byte> rgba, int width, int depth, int key)
    {
        var scale = 255 / ((1 << depth) - 1);
        for (var x = 0; x < width; x++)
        {
            var v = depth == 8 ? raw[x] : Sample(raw, x, depth);
            var g = (byte)(v * scale);
            var o = rgba.Slice(x * 4, 4);
            o[0] = g;
            o[1] = g;
            o[2] = g;
            o[3] = v == key ? (byte)0 : (byte)255;
        }
    }

    private static void Gray16(ReadOnlySpan<byte> raw, Span<byte> rgba, int key)
    {
        for (var x = 0; x < rgba.Length / 4; x++)
        {
            var g = raw[x * 2];
            var o = rgba.Slice(x * 4, 4);
            o[0] = g;
            o[1] = g;
            o[2] = g;
            o[3] = ((g << 8) | raw[(x * 2) + 1]) == key ? (byte)0 : (byte)255;
        }
    }

    private static void Palette(ReadOnlySpan<byte> raw, Span<byte> rgba, int width, int depth, byte[] palette)
    {
        for (var x = 0; x < width; x++)
        {
            var index = depth == 8 ? raw[x] : Sample(raw, x, depth);
            palette.AsSpan(index * 4, 4).CopyTo(rgba[(x * 4)..]);
        }
    }

    private static void Rgb(ReadOnlySpan<byte> raw, Span<byte> rgba, bool wide, PngTransparency? key)
    {
        var step = wide ? 2 : 1;
        for (var x = 0; x < rgba.Length / 4; x++)
        {
            var s = raw.Slice(x * 3 * step, 3 * step);
            var o = rgba.Slice(x * 4, 4);
            o[0] = s[0];
            o[1] = s[step];
            o[2] = s[2 * step];
            o[3] = 255;
            if (key is not null && Value(s, 0, wide) == key.Red && Value(s, 1, wide) == key.Green && Value(s, 2, wide) == key.Blue)
            {
                o[3] = 0;
            }
        }
    }

    private static int Value(ReadOnlySpan<byte> samples, int channel, bool wide) =>
        wide ? (samples[channel * 2] << 8) | samples[(channel * 2) + 1] : samples[channel];

    private static void GrayAlpha(ReadOnlySpan<byte> raw, Span<byte> rgba, int step)
    {
        for (var x = 0; x < rgba.Length / 4; x++)
        {
            var g = raw[x * 2 * step];
            var o = rgba.Slice(x * 4, 4);
            o[0] = g;
            o[1] = g;
            o[2] = g;
            o[3] = raw[((x * 2) + 1) * step];
        }
    }
}
