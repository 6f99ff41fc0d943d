namespace StarSend.Imaging.Video;

/// <summary>One trak: its handler, its tkhd display size and where its samples end in the file.</summary>
/// <param name="Handler">hdlr handler_type, e.g. "vide" or "soun"; empty when absent.</param>
/// <param name="Width">tkhd display width, pixels.</param>
/// <param name="Height">tkhd display height, pixels.</param>
/// <param name="SampleDataEnd">One past the last byte of sample data, or null when the track has no sample table.</param>
internal sealed record TrackBox(string Handler, int Width, int Height, ulong? SampleDataEnd)
{
    public bool IsVideo => Handler == "vide";

    public static TrackBox Parse(ReadOnlyMemory<byte> trak)
    {
        var children = ChildBox.ReadAll(trak, "trak");
        var tkhd = ChildBox.Find(children, "tkhd") ?? throw new Mp4FormatException("a 'trak' has no track header ('tkhd')");
        var (width, height) = ReadSize(tkhd.Payload.Span);
        var handler = string.Empty;
        ulong? sampleDataEnd = null;
        if (ChildBox.Find(children, "mdia") is { } mdia)
        {
            var mdiaChildren = ChildBox.ReadAll(mdia.Payload, "mdia");
            if (ChildBox.Find(mdiaChildren, "hdlr") is { } hdlr)
            {
                handler = BoxHeader.TypeName(BoxFields.Need(hdlr.Payload.Span, 8, 4, "hdlr"));
            }

            if (ChildBox.Find(mdiaChildren, "minf") is { } minf
                && ChildBox.Find(ChildBox.ReadAll(minf.Payload, "minf"), "stbl") is { } stbl)
            {
                sampleDataEnd = SampleTable.DataEnd(stbl.Payload);
            }
        }

        return new TrackBox(handler, width, height, sampleDataEnd);
    }

    /// <summary>tkhd width and height are 16.16 fixed point, after fields whose size depends on the version.</summary>
    private static (int Width, int Height) ReadSize(ReadOnlySpan<byte> tkhd)
    {
        var at = BoxFields.Version(tkhd, "tkhd") switch
        {
            0 => 76,
            1 => 88,
            var version => throw new Mp4FormatException($"'tkhd' version {version} is not supported"),
        };
        return (FromFixed(BoxFields.U32(tkhd, at, "tkhd")), FromFixed(BoxFields.U32(tkhd, at + 4, "tkhd")));
    }

    private static int FromFixed(uint value) => (int)((value + 0x8000UL) >> 16);
}
