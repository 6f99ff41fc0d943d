using System.Buffers.Binary;

namespace StarSend.Imaging.Png;

/// <summary>Reads tRNS. Like libpng, a misplaced or malformed tRNS is ignored: it is ancillary.</summary>
internal static class PngTransparencyReader
{
    public static void Read(PngStructure png, ReadOnlySpan<byte> body, bool afterImageData)
    {
        if (afterImageData || png.Transparency is not null)
        {
            return;
        }

        switch (png.Header.ColorType)
        {
            case PngColorType.Gray when body.Length == 2:
                png.Transparency = new PngTransparency(BinaryPrimitives.ReadUInt16BigEndian(body), -1, -1, -1);
                break;
            case PngColorType.Rgb when body.Length == 6:
                png.Transparency = new PngTransparency(
                    -1,
                    BinaryPrimitives.ReadUInt16BigEndian(body),
                    BinaryPrimitives.ReadUInt16BigEndian(body[2..]),
                    BinaryPrimitives.ReadUInt16BigEndian(body[4..]));
                break;
            case PngColorType.Palette when png.Palette is not null && body.Length > 0 && body.Length <= png.PaletteCount:
                for (var i = 0; i < body.Length; i++)
                {
                    png.Palette[(i * 4) + 3] = body[i];
                }

                png.Transparency = new PngTransparency(-1, -1, -1, -1);
                break;
        }
    }
}
