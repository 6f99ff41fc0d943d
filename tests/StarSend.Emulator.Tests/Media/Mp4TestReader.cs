using System.Buffers.Binary;
using System.Text;

namespace StarSend.Emulator.Tests.Media;

/// <summary>Reads back the writer's simple layout (one track, one chunk): box payloads, parameter sets and samples.</summary>
internal sealed class Mp4TestReader(byte[] file)
{
    private const int VisualSampleEntryFields = 78;

    public byte[] File { get; } = file;

    /// <summary>The payload (after version and flags for full boxes) of the box at a path such as "moov/trak/mdia/mdhd".</summary>
    public ReadOnlySpan<byte> Box(string path)
    {
        ReadOnlySpan<byte> scope = File;
        foreach (var type in path.Split('/'))
        {
            scope = Child(scope, type);
        }

        return scope;
    }

    public uint U32(string path, int at) => BinaryPrimitives.ReadUInt32BigEndian(Box(path)[at..]);

    public ReadOnlySpan<byte> AvcC()
    {
        var stsd = Box("moov/trak/mdia/minf/stbl/stsd");
        var avc1 = Child(stsd[4..], "avc1");
        return Child(avc1[VisualSampleEntryFields..], "avcC");
    }

    public byte[] Sps()
    {
        var avcC = AvcC();
        var length = BinaryPrimitives.ReadUInt16BigEndian(avcC[6..]);
        return avcC.Slice(8, length).ToArray();
    }

    public byte[] Pps()
    {
        var avcC = AvcC();
        var spsLength = BinaryPrimitives.ReadUInt16BigEndian(avcC[6..]);
        var at = 8 + spsLength;
        avcC[at].Should().Be(1, "one PPS");
        var length = BinaryPrimitives.ReadUInt16BigEndian(avcC[(at + 1)..]);
        return avcC.Slice(at + 3, length).ToArray();
    }

    /// <summary>Each sample's NAL units (four-byte length prefixes), found through stsz and stco.</summary>
    public List<List<byte[]>> Samples()
    {
        var stsz = Box("moov/trak/mdia/minf/stbl/stsz");
        var count = BinaryPrimitives.ReadUInt32BigEndian(stsz[4..]);
        var offset = (int)U32("moov/trak/mdia/minf/stbl/stco", 4);
        var samples = new List<List<byte[]>>();
        for (var i = 0; i < count; i++)
        {
            var size = (int)BinaryPrimitives.ReadUInt32BigEndian(stsz[(8 + (i * 4))..]);
            samples.Add(SplitNals(File.AsSpan(offset, size)));
            offset += size;
        }

        return samples;
    }

    private static List<byte[]> SplitNals(ReadOnlySpan<byte> sample)
    {
        var nals = new List<byte[]>();
        while (!sample.IsEmpty)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(sample);
            nals.Add(sample.Slice(4, length).ToArray());
            sample = sample[(4 + length)..];
        }

        return nals;
    }

    private static ReadOnlySpan<byte> Child(ReadOnlySpan<byte> scope, string type)
    {
        while (scope.Length >= 8)
        {
            var size = (int)BinaryPrimitives.ReadUInt32BigEndian(scope);
            var payload = scope[8..size];
            if (Encoding.ASCII.GetString(scope.Slice(4, 4)) == type)
            {
                return IsFullBox(type) ? payload[4..] : payload;
            }

            scope = scope[size..];
        }

        throw new InvalidDataException($"No '{type}' box.");
    }

    private static bool IsFullBox(string type) => type is "mvhd" or "tkhd" or "mdhd" or "hdlr" or "vmhd" or "dref"
        or "stsd" or "stts" or "stss" or "stsc" or "stsz" or "stco";
}
