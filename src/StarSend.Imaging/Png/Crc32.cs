using System.Buffers.Binary;

namespace StarSend.Imaging.Png;

/// <summary>The CRC-32 of PNG chunks (ISO 3309 polynomial), slicing by 8 bytes.</summary>
internal static class Crc32
{
    private static readonly uint[] Table = BuildTable();

    public static uint Compute(ReadOnlySpan<byte> data) => Append(0, data);

    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        var table = Table.AsSpan();
        var c = ~crc;
        while (data.Length >= 8)
        {
            var lo = BinaryPrimitives.ReadUInt32LittleEndian(data) ^ c;
            var hi = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
            c = table[(7 * 256) + (int)(lo & 0xFF)] ^ table[(6 * 256) + (int)((lo >> 8) & 0xFF)]
                ^ table[(5 * 256) + (int)((lo >> 16) & 0xFF)] ^ table[(4 * 256) + (int)(lo >> 24)]
                ^ table[(3 * 256) + (int)(hi & 0xFF)] ^ table[(2 * 256) + (int)((hi >> 8) & 0xFF)]
                ^ table[256 + (int)((hi >> 16) & 0xFF)] ^ table[(int)(hi >> 24)];
            data = data[8..];
        }

        foreach (var b in data)
        {
            c = table[(int)((c ^ b) & 0xFF)] ^ (c >> 8);
        }

        return ~c;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[8 * 256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        for (var slice = 1; slice < 8; slice++)
        {
            for (var n = 0; n < 256; n++)
            {
                var previous = table[((slice - 1) * 256) + n];
                table[(slice * 256) + n] = table[(int)(previous & 0xFF)] ^ (previous >> 8);
            }
        }

        return table;
    }
}
