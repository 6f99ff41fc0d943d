using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;

namespace StarSend.Imaging.Png;

/// <summary>
/// Inflates the concatenated IDAT data exactly as far as the header needs, so a bomb cannot make it allocate or work
/// more, and checks the stream's Adler-32 at the end.
/// </summary>
internal sealed class PngImageDataReader : IDisposable
{
    private readonly byte[] _compressed;
    private readonly ZLibStream _zlib;
    private readonly uint _expectedAdler;
    private Adler32 _adler = new();
    private long _inflated;

    public PngImageDataReader(ReadOnlySpan<byte> data, PngStructure png)
    {
        if (png.ImageDataLength < 6)
        {
            throw new ImagingException($"PNG image data is only {png.ImageDataLength} bytes, too short for a zlib stream.");
        }

        _compressed = ArrayPool<byte>.Shared.Rent((int)png.ImageDataLength);
        var offset = 0;
        foreach (var range in png.ImageData)
        {
            var chunk = data[range];
            chunk.CopyTo(_compressed.AsSpan(offset));
            offset += chunk.Length;
        }

        _expectedAdler = BinaryPrimitives.ReadUInt32BigEndian(_compressed.AsSpan(offset - 4));
        _zlib = new ZLibStream(new MemoryStream(_compressed, 0, offset, writable: false), CompressionMode.Decompress);
    }

    public void ReadRow(Span<byte> row)
    {
        int read;
        try
        {
            read = _zlib.ReadAtLeast(row, row.Length, throwOnEndOfStream: false);
        }
        catch (InvalidDataException ex)
        {
            throw Corrupt(ex);
        }

        if (read < row.Length)
        {
            throw new ImagingException($"PNG image data ends early after {_inflated + read} bytes (truncated or corrupt).");
        }

        _adler.Append(row);
        _inflated += row.Length;
    }

    /// <summary>Reads what is left of the stream (bounded by the limit) and checks the Adler-32.</summary>
    public void Finish(long maxTrailingBytes)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            long extra = 0;
            int read;
            while ((read = ReadSome(buffer)) > 0)
            {
                extra += read;
                if (extra > maxTrailingBytes)
                {
                    throw new ImagingException(
                        $"PNG image data inflates to more than {_inflated + maxTrailingBytes} bytes, far past the {_inflated} its size needs.");
                }

                _adler.Append(buffer.AsSpan(0, read));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (_adler.Value != _expectedAdler)
        {
            throw new ImagingException("PNG image data fails its Adler-32 check (truncated or corrupt).");
        }
    }

    public void Dispose()
    {
        _zlib.Dispose();
        ArrayPool<byte>.Shared.Return(_compressed);
    }

    private int ReadSome(byte[] buffer)
    {
        try
        {
            return _zlib.Read(buffer);
        }
        catch (InvalidDataException ex)
        {
            throw Corrupt(ex);
        }
    }

    private static ImagingException Corrupt(InvalidDataException ex) =>
        new("PNG image data is not a valid zlib stream (corrupt deflate data or checksum).", ex);
}
