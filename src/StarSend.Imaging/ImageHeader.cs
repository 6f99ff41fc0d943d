using System.Buffers.Binary;

namespace StarSend.Imaging;

public enum ImageFormat
{
    Png,
    Jpeg,
}

public sealed record ImageInfo(ImageFormat Format, int Width, int Height, long Bytes);

/// <summary>Reads an image's format and dimensions from its header without decoding it.</summary>
public static class ImageHeader
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    // A JPEG frame header normally sits within the first few kilobytes; a bound keeps a hostile file cheap.
    private const int MaxJpegSegments = 4096;

    /// <summary>Throws <see cref="ImagingException"/> when the file is not a PNG or JPEG it can read.</summary>
    public static ImageInfo Read(string path)
    {
        var name = Path.GetFileName(path);
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 4096);
            return Read(stream, name);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ImagingException($"{name}: file not found", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ImagingException($"{name}: cannot be read ({ex.Message})", ex);
        }
    }

    /// <summary>Reads from the start of a seekable stream; <paramref name="name"/> only labels errors.</summary>
    public static ImageInfo Read(Stream stream, string name)
    {
        Span<byte> start = stackalloc byte[8];
        var got = ReadUpTo(stream, start);
        if (got == 8 && start.SequenceEqual(PngSignature))
        {
            return ReadPng(stream, name);
        }

        if (got >= 2 && start[0] == 0xFF && start[1] == 0xD8)
        {
            stream.Position = 2;
            return ReadJpeg(stream, name);
        }

        throw new ImagingException($"{name}: not a PNG or JPEG image");
    }

    private static ImageInfo ReadPng(Stream stream, string name)
    {
        Span<byte> ihdr = stackalloc byte[16];
        if (ReadUpTo(stream, ihdr) < ihdr.Length)
        {
            throw new ImagingException($"{name}: truncated PNG header");
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(ihdr);
        if (length != 13 || !ihdr.Slice(4, 4).SequenceEqual("IHDR"u8))
        {
            throw new ImagingException($"{name}: PNG does not start with an IHDR chunk");
        }

        var width = BinaryPrimitives.ReadUInt32BigEndian(ihdr[8..]);
        var height = BinaryPrimitives.ReadUInt32BigEndian(ihdr[12..]);
        if (width == 0 || height == 0 || width > int.MaxValue || height > int.MaxValue)
        {
            throw new ImagingException($"{name}: PNG has impossible dimensions {width}x{height}");
        }

        return new ImageInfo(ImageFormat.Png, (int)width, (int)height, stream.Length);
    }

    private static ImageInfo ReadJpeg(Stream stream, string name)
    {
        Span<byte> two = stackalloc byte[2];
        Span<byte> frame = stackalloc byte[5];
        for (var segment = 0; segment < MaxJpegSegments; segment++)
        {
            var marker = NextMarker(stream, name);
            if (marker is >= 0xD0 and <= 0xD7 or 0x01)
            {
                continue;
            }

            if (marker == 0x00)
            {
                throw new ImagingException($"{name}: broken JPEG header (expected a marker)");
            }

            if (marker is 0xD9 or 0xDA or 0xD8)
            {
                throw new ImagingException($"{name}: JPEG has no frame header before its image data");
            }

            if (ReadUpTo(stream, two) < 2)
            {
                throw new ImagingException($"{name}: truncated JPEG header");
            }

            int length = BinaryPrimitives.ReadUInt16BigEndian(two);
            if (length < 2)
            {
                throw new ImagingException($"{name}: JPEG segment has an impossible length");
            }

            if (IsFrameHeader(marker))
            {
                if (length < 7 || ReadUpTo(stream, frame) < frame.Length)
                {
                    throw new ImagingException($"{name}: truncated JPEG frame header");
                }

                int height = BinaryPrimitives.ReadUInt16BigEndian(frame[1..]);
                int width = BinaryPrimitives.ReadUInt16BigEndian(frame[3..]);
                if (width == 0 || height == 0)
                {
                    throw new ImagingException($"{name}: JPEG has unsupported dimensions {width}x{height}");
                }

                return new ImageInfo(ImageFormat.Jpeg, width, height, stream.Length);
            }

            if (stream.Position + length - 2 > stream.Length)
            {
                throw new ImagingException($"{name}: truncated JPEG header");
            }

            stream.Position += length - 2;
        }

        throw new ImagingException($"{name}: JPEG frame header not found in the first {MaxJpegSegments} segments");
    }

    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC), which share the range.
    private static bool IsFrameHeader(int marker) => marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC);

    private static int NextMarker(Stream stream, string name)
    {
        var first = stream.ReadByte();
        if (first != 0xFF)
        {
            throw first < 0
                ? new ImagingException($"{name}: truncated JPEG header")
                : new ImagingException($"{name}: broken JPEG header (expected a marker)");
        }

        int marker;
        do
        {
            marker = stream.ReadByte();
        }
        while (marker == 0xFF);

        return marker < 0 ? throw new ImagingException($"{name}: truncated JPEG header") : marker;
    }

    private static int ReadUpTo(Stream stream, Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = stream.Read(buffer[total..]);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }
}
