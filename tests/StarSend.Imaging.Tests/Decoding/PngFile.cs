using System.Buffers.Binary;
using System.IO.Hashing;

namespace StarSend.Imaging.Tests.Decoding;

/// <summary>A PNG as a list of chunks that tests can change and write back, with fresh CRCs unless told otherwise.</summary>
internal sealed class PngFile
{
    public List<(string Type, byte[] Body)> Chunks { get; } = [];

    public static PngFile Parse(byte[] data)
    {
        var file = new PngFile();
        var position = 8;
        while (position + 12 <= data.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(position));
            var type = System.Text.Encoding.ASCII.GetString(data, position + 4, 4);
            file.Chunks.Add((type, data.AsSpan(position + 8, length).ToArray()));
            position += 12 + length;
        }

        return file;
    }

    public byte[] Body(string type) => Chunks.First(c => c.Type == type).Body;

    public PngFile Without(string type)
    {
        Chunks.RemoveAll(c => c.Type == type);
        return this;
    }

    public PngFile Insert(int index, string type, byte[] body)
    {
        Chunks.Insert(index, (type, body));
        return this;
    }

    public byte[] ToBytes()
    {
        using var output = new MemoryStream();
        output.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Span<byte> word = stackalloc byte[4];
        foreach (var (type, body) in Chunks)
        {
            BinaryPrimitives.WriteInt32BigEndian(word, body.Length);
            output.Write(word);
            var typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
            output.Write(typeBytes);
            output.Write(body);
            BinaryPrimitives.WriteUInt32BigEndian(word, Crc32.HashToUInt32([.. typeBytes, .. body]));
            output.Write(word);
        }

        return output.ToArray();
    }
}
