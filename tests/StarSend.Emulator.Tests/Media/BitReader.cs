namespace StarSend.Emulator.Tests.Media;

/// <summary>Reads an H.264 NAL unit back: drops the header byte and emulation prevention bytes, then reads bits.</summary>
internal sealed class BitReader
{
    private readonly byte[] _rbsp;
    private long _position;

    private BitReader(byte[] rbsp)
    {
        _rbsp = rbsp;
    }

    public bool IsByteAligned => _position % 8 == 0;

    public long BitsLeft => (_rbsp.Length * 8L) - _position;

    public static BitReader ForRbsp(byte[] rbsp) => new(rbsp);

    /// <summary>For a NAL unit: returns its header byte and a reader over its RBSP.</summary>
    public static (int NalRefIdc, int NalUnitType, BitReader Reader) ForNal(byte[] nal)
    {
        var rbsp = new List<byte>(nal.Length);
        var zeros = 0;
        for (var i = 1; i < nal.Length; i++)
        {
            if (zeros == 2 && nal[i] == 3)
            {
                zeros = 0;
                continue;
            }

            rbsp.Add(nal[i]);
            zeros = nal[i] == 0 ? zeros + 1 : 0;
        }

        return ((nal[0] >> 5) & 3, nal[0] & 0x1F, new BitReader([.. rbsp]));
    }

    public bool ReadBit() => ReadBits(1) == 1;

    public uint ReadBits(int count)
    {
        uint value = 0;
        for (var i = 0; i < count; i++)
        {
            if (BitsLeft <= 0)
            {
                throw new InvalidDataException("Read past the end of the RBSP.");
            }

            var bit = (_rbsp[_position / 8] >> (7 - (int)(_position % 8))) & 1;
            value = (value << 1) | (uint)bit;
            _position++;
        }

        return value;
    }

    public uint ReadUe()
    {
        var leadingZeros = 0;
        while (!ReadBit())
        {
            if (++leadingZeros > 32)
            {
                throw new InvalidDataException("Exp-Golomb code longer than 32 bits.");
            }
        }

        var rest = leadingZeros == 0 ? 0UL : ReadBits(leadingZeros);
        return (uint)(((1UL << leadingZeros) - 1) + rest);
    }

    public int ReadSe()
    {
        var codeNum = ReadUe();
        return (codeNum & 1) == 1 ? (int)((codeNum + 1) / 2) : -(int)(codeNum / 2);
    }

    /// <summary>Checks rbsp_trailing_bits: one stop bit, zeros to the boundary, and nothing after.</summary>
    public bool AtTrailingBits()
    {
        var saved = _position;
        var ok = BitsLeft > 0 && ReadBit();
        while (ok && !IsByteAligned)
        {
            ok = !ReadBit();
        }

        ok = ok && BitsLeft == 0;
        _position = saved;
        return ok;
    }
}
