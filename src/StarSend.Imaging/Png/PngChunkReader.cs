using System.Buffers.Binary;

namespace StarSend.Imaging.Png;

/// <summary>
/// Walks the chunks of a PNG: checks the signature, each length against the limits and the bytes present, each CRC,
/// and the order IHDR, [PLTE], IDAT..., IEND. Ancillary chunks other than tRNS are skipped.
/// </summary>
internal static class PngChunkReader
{
    public static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static PngStructure Read(ReadOnlySpan<byte> data, PngLimits limits)
    {
        if (data.Length > limits.MaxInputBytes)
        {
            throw new ImagingException($"PNG is {data.Length} bytes, over the limit of {limits.MaxInputBytes}.");
        }

        if (!data.StartsWith(Signature))
        {
            throw new ImagingException("Not a PNG file (bad signature).");
        }

        PngStructure? png = null;
        var position = Signature.Length;
        var idatDone = false;
        while (true)
        {
            var (type, body) = NextChunk(data, ref position, limits);
            if (png is null)
            {
                if (type != "IHDR")
                {
                    throw new ImagingException($"PNG does not start with an IHDR chunk (found '{type}').");
                }

                png = new PngStructure(PngHeader.Parse(data[body], limits));
                continue;
            }

            if (type == "IDAT")
            {
                if (idatDone)
                {
                    throw new ImagingException("PNG IDAT chunks are not consecutive.");
                }

                if (png.Header.ColorType == PngColorType.Palette && png.Palette is null)
                {
                    throw new ImagingException("PNG palette image has no PLTE chunk before its image data.");
                }

                png.ImageData.Add(body);
                png.ImageDataLength += body.GetOffsetAndLength(data.Length).Length;
                continue;
            }

            idatDone = png.ImageData.Count > 0;
            switch (type)
            {
                case "IEND":
                    if (!idatDone)
                    {
                        throw new ImagingException("PNG has no IDAT chunk (image data).");
                    }

                    return png;
                case "IHDR":
                    throw new ImagingException("PNG has more than one IHDR chunk.");
                case "PLTE":
                    ReadPalette(png, data[body], idatDone);
                    break;
                case "tRNS":
                    PngTransparencyReader.Read(png, data[body], idatDone);
                    break;
                default:
                    if (char.IsUpper(type[0]))
                    {
                        throw new ImagingException($"PNG has an unknown critical chunk '{type}'.");
                    }

                    break;
            }
        }
    }

    private static (string Type, Range Body) NextChunk(ReadOnlySpan<byte> data, ref int position, PngLimits limits)
    {
        if (data.Length - position < 8)
        {
            throw new ImagingException($"PNG is truncated at byte {position} (no IEND chunk).");
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(data[position..]);
        var typeBytes = data.Slice(position + 4, 4);
        foreach (var c in typeBytes)
        {
            if (c is not ((>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z')))
            {
                throw new ImagingException($"PNG has an invalid chunk type at byte {position}.");
            }
        }

        var type = System.Text.Encoding.ASCII.GetString(typeBytes);
        if (length > int.MaxValue || length > limits.MaxChunkLength)
        {
            throw new ImagingException($"PNG chunk '{type}' claims {length} bytes, over the limit of {limits.MaxChunkLength}.");
        }

        if (data.Length - position - 12 < length)
        {
            throw new ImagingException($"PNG is truncated inside chunk '{type}' at byte {position}.");
        }

        var bodyStart = position + 8;
        var end = bodyStart + (int)length;
        var stored = BinaryPrimitives.ReadUInt32BigEndian(data[end..]);
        if (Crc32.Compute(data[(position + 4)..end]) != stored)
        {
            throw new ImagingException($"PNG chunk '{type}' at byte {position} has a bad CRC.");
        }

        position = end + 4;
        return (type, bodyStart..end);
    }

    private static void ReadPalette(PngStructure png, ReadOnlySpan<byte> body, bool afterImageData)
    {
        if (png.Palette is not null || afterImageData)
        {
            throw new ImagingException("PNG has a PLTE chunk that is repeated or after the image data.");
        }

        var colorType = png.Header.ColorType;
        if (colorType is PngColorType.Gray or PngColorType.GrayAlpha)
        {
            throw new ImagingException("PNG greyscale image has a PLTE chunk.");
        }

        if (body.Length == 0 || body.Length % 3 != 0 || body.Length > 256 * 3)
        {
            throw new ImagingException($"PNG PLTE chunk has an invalid length {body.Length}.");
        }

        if (colorType != PngColorType.Palette)
        {
            return;
        }

        var palette = new byte[256 * 4];
        for (var i = 0; i < 256; i++)
        {
            palette[(i * 4) + 3] = 255;
        }

        for (var i = 0; i < body.Length / 3; i++)
        {
            body.Slice(i * 3, 3).CopyTo(palette.AsSpan(i * 4));
        }

        png.Palette = palette;
        png.PaletteCount = body.Length / 3;
    }
}
