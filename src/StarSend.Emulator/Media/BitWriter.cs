namespace StarSend.Emulator.Media;

/// <summary>Writes an H.264 RBSP most significant bit first, with the spec's u(n), ue(v) and se(v) codings.</summary>
internal sealed class BitWriter
{
    private readonly List<byte> _bytes = [];
    private int _current;
    private int _bitCount;

    public bool IsByteAligned => _bitCount == 0;

    public void WriteBit(bool bit) => WriteBits(bit ? 1u : 0u, 1);

    public void WriteBits(uint value, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, 32);
        if (count == 8 && _bitCount == 0)
        {
            _bytes.Add((byte)value);
            return;
        }

        for (var i = count - 1; i >= 0; i--)
        {
            _current = (_current << 1) | (int)((value >> i) & 1);
            if (++_bitCount == 8)
            {
                _bytes.Add((byte)_current);
                _current = 0;
                _bitCount = 0;
            }
        }
    }

    public void WriteByte(byte value) => WriteBits(value, 8);

    /// <summary>Unsigned exp-Golomb: (leading zeros) 1 (info bits) for value + 1.</summary>
    public void WriteUe(uint value)
    {
        var codeNum = (ulong)value + 1;
        var length = 64 - System.Numerics.BitOperations.LeadingZeroCount(codeNum);
        WriteBits(0, length - 1);
        if (length > 32)
        {
            WriteBits((uint)(codeNum >> 32), length - 32);
            WriteBits((uint)codeNum, 32);
        }
        else
        {
            WriteBits((uint)codeNum, length);
        }
    }

    /// <summary>Signed exp-Golomb: positive k maps to 2k - 1, zero and negative k to -2k.</summary>
    public void WriteSe(int value)
    {
        var mapped = value > 0 ? (2L * value) - 1 : -2L * value;
        WriteUe(checked((uint)mapped));
    }

    public void AlignWithZeros()
    {
        while (!IsByteAligned)
        {
            WriteBit(false);
        }
    }

    /// <summary>rbsp_trailing_bits: a stop bit then zeros to the byte boundary.</summary>
    public void WriteTrailingBits()
    {
        WriteBit(true);
        AlignWithZeros();
    }

    public byte[] ToArray()
    {
        if (!IsByteAligned)
        {
            throw new InvalidOperationException("The RBSP must end on a byte boundary.");
        }

        return [.. _bytes];
    }
}
