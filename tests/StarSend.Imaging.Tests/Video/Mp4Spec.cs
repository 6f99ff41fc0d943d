using static StarSend.Imaging.Tests.Video.Mp4Bytes;

namespace StarSend.Imaging.Tests.Video;

/// <summary>A small but complete MP4 (ftyp, moov with one track, mdat), with knobs for the cases the inspector must handle.</summary>
internal sealed record Mp4Spec
{
    public string Brand { get; init; } = "mp42";

    public byte MvhdVersion { get; init; }

    public uint Timescale { get; init; } = 1000;

    public ulong Duration { get; init; } = 5000;

    public byte TkhdVersion { get; init; }

    public uint WidthFixed { get; init; } = 640u << 16;

    public uint HeightFixed { get; init; } = 360u << 16;

    public string Handler { get; init; } = "vide";

    public bool WithMoov { get; init; } = true;

    public bool WithMvhd { get; init; } = true;

    public bool WithMdat { get; init; } = true;

    public MdatSize MdatSize { get; init; } = MdatSize.Normal;

    public bool ConstantSampleSize { get; init; }

    public bool Co64 { get; init; }

    public int SampleCount { get; init; } = 4;

    public int SampleSize { get; init; } = 25;

    public byte[] Build()
    {
        var ftyp = Box("ftyp", Ascii(Brand), U32(0), Ascii("isom"), Ascii(Brand));
        if (!WithMoov)
        {
            return [.. ftyp, .. Mdat()];
        }

        var moovLength = Moov(0).Length;
        var mdatHeader = MdatSize == MdatSize.Large ? 16 : 8;
        var moov = Moov((ulong)(ftyp.Length + moovLength + mdatHeader));
        return [.. ftyp, .. moov, .. WithMdat ? Mdat() : []];
    }

    private byte[] Mdat()
    {
        var payload = Enumerable.Range(0, SampleCount * SampleSize).Select(i => (byte)(i * 7)).ToArray();
        return MdatSize switch
        {
            MdatSize.Large => LargeBox("mdat", payload),
            MdatSize.ToEndOfFile => OpenEndedBox("mdat", payload),
            _ => Box("mdat", payload),
        };
    }

    private byte[] Moov(ulong chunkOffset)
    {
        var mvhd = MvhdVersion == 1
            ? FullBox("mvhd", 1, Zeros(16), U32(Timescale), U64(Duration), Zeros(80))
            : FullBox("mvhd", 0, Zeros(8), U32(Timescale), U32((uint)Duration), Zeros(80));
        var tkhdTimes = TkhdVersion == 1 ? Zeros(16 + 4 + 4 + 8) : Zeros(8 + 4 + 4 + 4);
        var tkhd = FullBox("tkhd", TkhdVersion, tkhdTimes, Zeros(8 + 8 + 36), U32(WidthFixed), U32(HeightFixed));
        var hdlr = FullBox("hdlr", 0, Zeros(4), Ascii(Handler), Zeros(12), Ascii("Handler\0"));
        var mdia = Box("mdia", hdlr, Box("minf", SampleTable(chunkOffset)));
        return Box("moov", WithMvhd ? mvhd : [], Box("trak", tkhd, mdia));
    }

    private byte[] SampleTable(ulong chunkOffset)
    {
        var stsz = ConstantSampleSize
            ? FullBox("stsz", 0, U32((uint)SampleSize), U32((uint)SampleCount))
            : FullBox("stsz", 0, [U32(0), U32((uint)SampleCount), .. Enumerable.Repeat(U32((uint)SampleSize), SampleCount)]);
        var stsc = FullBox("stsc", 0, U32(1), U32(1), U32((uint)SampleCount), U32(1));
        var chunkOffsets = Co64 ? FullBox("co64", 0, U32(1), U64(chunkOffset)) : FullBox("stco", 0, U32(1), U32((uint)chunkOffset));
        return Box("stbl", stsz, stsc, chunkOffsets);
    }
}
