namespace StarSend.Imaging.Video;

/// <summary>What StarSend needs from a moov: the movie duration and its tracks.</summary>
internal sealed record MovieBox(double DurationS, IReadOnlyList<TrackBox> Tracks)
{
    public static MovieBox Parse(ReadOnlyMemory<byte> moov)
    {
        var children = ChildBox.ReadAll(moov, "moov");
        var mvhd = ChildBox.Find(children, "mvhd") ?? throw new Mp4FormatException("'moov' has no movie header ('mvhd')");
        var tracks = children.Where(c => c.Type == "trak").Select(c => TrackBox.Parse(c.Payload)).ToList();
        return new MovieBox(ReadDuration(mvhd.Payload.Span), tracks);
    }

    private static double ReadDuration(ReadOnlySpan<byte> mvhd)
    {
        uint timescale;
        ulong duration;
        switch (BoxFields.Version(mvhd, "mvhd"))
        {
            case 0:
                timescale = BoxFields.U32(mvhd, 12, "mvhd");
                var duration32 = BoxFields.U32(mvhd, 16, "mvhd");
                duration = duration32 == uint.MaxValue ? ulong.MaxValue : duration32;
                break;
            case 1:
                timescale = BoxFields.U32(mvhd, 20, "mvhd");
                duration = BoxFields.U64(mvhd, 24, "mvhd");
                break;
            case var version:
                throw new Mp4FormatException($"'mvhd' version {version} is not supported");
        }

        if (timescale == 0)
        {
            throw new Mp4FormatException("'mvhd' has a timescale of 0");
        }

        if (duration is 0 or ulong.MaxValue)
        {
            throw new Mp4FormatException("'mvhd' states no duration (unknown or fragmented movie)");
        }

        return (double)duration / timescale;
    }
}
