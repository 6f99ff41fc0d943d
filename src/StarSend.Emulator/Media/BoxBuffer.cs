using System.Buffers.Binary;
using System.Text;

namespace StarSend.Emulator.Media;

/// <summary>Builds ISO-BMFF boxes big-endian in memory; each box's size is filled in when it is closed.</summary>
internal sealed class BoxBuffer
{
    private readonly List<byte> _bytes = [];
    private readonly Stack<int> _open = new();

    public int Length => _bytes.Count;

    public void Begin(string type)
    {
        _open.Push(_bytes.Count);
        U32(0);
        FourCc(type);
    }

    public void BeginFull(string type, byte version, uint flags)
    {
        Begin(type);
        U8(version);
        U8((byte)(flags >> 16));
        U16((ushort)flags);
    }

    public void End()
    {
        var start = _open.Pop();
        var size = (uint)(_bytes.Count - start);
        Span<byte> header = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(header, size);
        for (var i = 0; i < 4; i++)
        {
            _bytes[start + i] = header[i];
        }
    }

    public void U8(byte value) => _bytes.Add(value);

    public void U16(ushort value)
    {
        _bytes.Add((byte)(value >> 8));
        _bytes.Add((byte)value);
    }

    public void U32(uint value)
    {
        U16((ushort)(value >> 16));
        U16((ushort)value);
    }

    public void Zeros(int count)
    {
        for (var i = 0; i < count; i++)
        {
            _bytes.Add(0);
        }
    }

    public void Bytes(ReadOnlySpan<byte> value)
    {
        foreach (var b in value)
        {
            _bytes.Add(b);
        }
    }

    public void FourCc(string type)
    {
        if (type.Length != 4)
        {
            throw new ArgumentException($"A box type has four characters, got '{type}'.", nameof(type));
        }

        Bytes(Encoding.ASCII.GetBytes(type));
    }

    /// <summary>The identity transform of tkhd and mvhd, in 16.16 and 2.30 fixed point.</summary>
    public void UnityMatrix()
    {
        uint[] matrix = [0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000];
        foreach (var value in matrix)
        {
            U32(value);
        }
    }

    public byte[] ToArray()
    {
        if (_open.Count != 0)
        {
            throw new InvalidOperationException($"{_open.Count} box(es) still open.");
        }

        return [.. _bytes];
    }
}
