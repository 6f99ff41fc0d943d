namespace StarSend.Emulator.Media;

/// <summary>The ftyp and moov boxes of a one-track, one-chunk MP4 whose samples sit in the mdat after the moov.</summary>
internal static class MovieBoxes
{
    private const uint TrackId = 1;

    public static byte[] Ftyp()
    {
        var b = new BoxBuffer();
        b.Begin("ftyp");
        b.FourCc("isom");
        b.U32(0x200);
        foreach (var brand in new[] { "isom", "iso2", "avc1", "mp41" })
        {
            b.FourCc(brand);
        }

        b.End();
        return b.ToArray();
    }

    /// <param name="track">The one video track.</param>
    /// <param name="chunkOffset">File offset of the first sample (the mdat payload).</param>
    public static byte[] Moov(VideoTrack track, uint chunkOffset)
    {
        var b = new BoxBuffer();
        b.Begin("moov");
        WriteMvhd(b, track.Timing);
        b.Begin("trak");
        WriteTkhd(b, track);
        b.Begin("mdia");
        WriteMdhd(b, track.Timing);
        WriteHdlr(b);
        SampleTableBoxes.WriteMinf(b, track, chunkOffset);
        b.End();
        b.End();
        b.End();
        return b.ToArray();
    }

    private static void WriteMvhd(BoxBuffer b, SampleTiming timing)
    {
        b.BeginFull("mvhd", 0, 0);
        b.Zeros(8); // creation and modification time: fixed, so the same request gives the same bytes
        b.U32(SampleTiming.MovieTimescale);
        b.U32(timing.MovieDuration);
        b.U32(0x00010000); // rate 1.0
        b.U16(0x0100); // volume 1.0
        b.Zeros(10);
        b.UnityMatrix();
        b.Zeros(24); // pre_defined
        b.U32(TrackId + 1); // next_track_ID
        b.End();
    }

    private static void WriteTkhd(BoxBuffer b, VideoTrack track)
    {
        b.BeginFull("tkhd", 0, 0x3); // enabled, in movie
        b.Zeros(8);
        b.U32(TrackId);
        b.Zeros(4);
        b.U32(track.Timing.MovieDuration);
        b.Zeros(8);
        b.U16(0); // layer
        b.U16(0); // alternate_group
        b.U16(0); // volume: video has none
        b.Zeros(2);
        b.UnityMatrix();
        b.U32((uint)track.Geometry.Width << 16);
        b.U32((uint)track.Geometry.Height << 16);
        b.End();
    }

    private static void WriteMdhd(BoxBuffer b, SampleTiming timing)
    {
        b.BeginFull("mdhd", 0, 0);
        b.Zeros(8);
        b.U32(timing.MediaTimescale);
        b.U32(timing.TotalTicks);
        b.U16(0x55C4); // language "und", packed ISO 639-2
        b.U16(0);
        b.End();
    }

    private static void WriteHdlr(BoxBuffer b)
    {
        b.BeginFull("hdlr", 0, 0);
        b.Zeros(4);
        b.FourCc("vide");
        b.Zeros(12);
        b.Bytes("VideoHandler\0"u8);
        b.End();
    }
}
