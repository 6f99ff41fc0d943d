namespace StarSend.Imaging.Png;

/// <summary>
/// Takes the zlib stream as it is written and lays it into IDAT chunks of bounded size directly in the output, with
/// the CRC computed on the way, so that no decoder (ours included) meets one huge chunk.
/// </summary>
internal sealed class PngIdatStream(PngOutput output) : Stream
{
    public const int ChunkSize = 256 * 1024;

    private static ReadOnlySpan<byte> Type => "IDAT"u8;

    private int _chunkStart = -1;
    private int _chunkLength;
    private uint _crc;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            if (_chunkStart < 0)
            {
                _chunkStart = output.Length;
                output.WriteInt32BigEndian(0);
                output.Write(Type);
                _crc = Crc32.Compute(Type);
                _chunkLength = 0;
            }

            var part = buffer[..Math.Min(buffer.Length, ChunkSize - _chunkLength)];
            output.Write(part);
            _crc = Crc32.Append(_crc, part);
            _chunkLength += part.Length;
            buffer = buffer[part.Length..];
            if (_chunkLength == ChunkSize)
            {
                CloseChunk();
            }
        }
    }

    /// <summary>Ends the open chunk; call once the zlib stream is complete.</summary>
    public void CloseChunk()
    {
        if (_chunkStart < 0)
        {
            return;
        }

        output.PatchInt32BigEndian(_chunkStart, _chunkLength);
        output.WriteInt32BigEndian((int)_crc);
        _chunkStart = -1;
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
