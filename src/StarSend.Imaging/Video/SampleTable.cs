namespace StarSend.Imaging.Video;

/// <summary>
/// Finds where a track's sample data ends, from stsz (sample sizes), stsc (samples per chunk) and stco/co64 (chunk
/// offsets), so that an mdat cut short is caught even when its own header says "to end of file".
/// </summary>
internal static class SampleTable
{
    private const int StscEntrySize = 12;

    /// <returns>One past the last byte of sample data, or null when the tables are absent.</returns>
    public static ulong? DataEnd(ReadOnlyMemory<byte> stbl)
    {
        var children = ChildBox.ReadAll(stbl, "stbl");
        var stsz = ChildBox.Find(children, "stsz");
        var stsc = ChildBox.Find(children, "stsc");
        var chunkOffsets = ChunkOffsets(children);
        if (stsz is null || stsc is null || chunkOffsets is null)
        {
            return null;
        }

        var sizes = stsz.Value.Payload.Span;
        var constantSize = BoxFields.U32(sizes, 4, "stsz");
        var sampleCount = BoxFields.U32(sizes, 8, "stsz");
        if (constantSize == 0)
        {
            BoxFields.Need(sizes, 12, 4L * sampleCount, "stsz");
        }

        var runs = stsc.Value.Payload.Span;
        var runCount = BoxFields.U32(runs, 4, "stsc");
        BoxFields.Need(runs, 8, (long)StscEntrySize * runCount, "stsc");

        ulong end = 0;
        ulong sample = 0;
        var run = 0;
        for (var chunk = 0; chunk < chunkOffsets.Count && sample < sampleCount; chunk++)
        {
            while (run + 1 < runCount && BoxFields.U32(runs, 8 + ((run + 1) * StscEntrySize), "stsc") <= (uint)chunk + 1)
            {
                run++;
            }

            var perChunk = runCount == 0 ? 0 : Math.Min(BoxFields.U32(runs, 12 + (run * StscEntrySize), "stsc"), sampleCount - sample);
            var bytes = constantSize != 0 ? perChunk * constantSize : SumSizes(sizes, sample, perChunk);
            var chunkEnd = chunkOffsets[chunk] > ulong.MaxValue - bytes ? ulong.MaxValue : chunkOffsets[chunk] + bytes;
            end = Math.Max(end, chunkEnd);
            sample += perChunk;
        }

        return end;
    }

    private static List<ulong>? ChunkOffsets(List<ChildBox> children)
    {
        var is64 = false;
        var box = ChildBox.Find(children, "stco");
        if (box is null)
        {
            box = ChildBox.Find(children, "co64");
            is64 = true;
        }

        if (box is not { } found)
        {
            return null;
        }

        var payload = found.Payload.Span;
        var name = is64 ? "co64" : "stco";
        var count = BoxFields.U32(payload, 4, name);
        var width = is64 ? 8 : 4;
        BoxFields.Need(payload, 8, (long)width * count, name);
        var offsets = new List<ulong>((int)count);
        for (var i = 0; i < count; i++)
        {
            offsets.Add(is64 ? BoxFields.U64(payload, 8 + (i * 8), name) : BoxFields.U32(payload, 8 + (i * 4), name));
        }

        return offsets;
    }

    private static ulong SumSizes(ReadOnlySpan<byte> stsz, ulong first, ulong count)
    {
        ulong total = 0;
        for (var i = first; i < first + count; i++)
        {
            total += BoxFields.U32(stsz, 12 + (int)(i * 4), "stsz");
        }

        return total;
    }
}
