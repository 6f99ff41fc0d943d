using System.Buffers;
using System.Buffers.Binary;

namespace StarSend.Imaging.Png;

/// <summary>
/// The encoder's output, grown in pooled arrays: a fresh multi-megabyte array costs more in page faults than
/// compressing into it, so only the final, exact-size copy is newly allocated.
/// </summary>
internal sealed class PngOutput(int capacity) : IDisposable
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(capacity, 4096));

    public int Length { get; private set; }

    public void Write(ReadOnlySpan<byte> data)
    {
        if (Length + data.Length > _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(Length + data.Length, _buffer.Length * 2));
            _buffer.AsSpan(0, Length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        data.CopyTo(_buffer.AsSpan(Length));
        Length += data.Length;
    }

    public void WriteInt32BigEndian(int value)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, value);
        Write(word);
    }

    public void PatchInt32BigEndian(int position, int value) => BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(position), value);

    public byte[] ToArray() => _buffer.AsSpan(0, Length).ToArray();

    public void Dispose() => ArrayPool<byte>.Shared.Return(_buffer);
}
