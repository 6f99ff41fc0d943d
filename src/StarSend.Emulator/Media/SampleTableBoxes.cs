namespace StarSend.Emulator.Media;

/// <summary>The minf box: video header, data reference, and the sample table with the avcC decoder configuration.</summary>
internal static class SampleTableBoxes
{
    public static void WriteMinf(BoxBuffer b, VideoTrack track, uint chunkOffset)
    {
        b.Begin("minf");
        b.BeginFull("vmhd", 0, 1);
        b.Zeros(8); // graphicsmode and opcolor
        b.End();
        b.Begin("dinf");
        b.BeginFull("dref", 0, 0);
        b.U32(1);
        b.BeginFull("url ", 0, 1); // the media is in this file
        b.End();
        b.End();
        b.End();
        b.Begin("stbl");
        WriteStsd(b, track);
        WriteStts(b, track.Timing);
        b.BeginFull("stss", 0, 0);
        b.U32(1);
        b.U32(1); // only the first sample is a sync (IDR) sample
        b.End();
        b.BeginFull("stsc", 0, 0);
        b.U32(1);
        b.U32(1); // first_chunk
        b.U32((uint)track.SampleSizes.Count); // samples_per_chunk: all in one chunk
        b.U32(1); // sample_description_index
        b.End();
        b.BeginFull("stsz", 0, 0);
        b.U32(0);
        b.U32((uint)track.SampleSizes.Count);
        foreach (var size in track.SampleSizes)
        {
            b.U32((uint)size);
        }

        b.End();
        b.BeginFull("stco", 0, 0);
        b.U32(1);
        b.U32(chunkOffset);
        b.End();
        b.End();
        b.End();
    }

    private static void WriteStsd(BoxBuffer b, VideoTrack track)
    {
        b.BeginFull("stsd", 0, 0);
        b.U32(1);
        b.Begin("avc1");
        b.Zeros(6);
        b.U16(1); // data_reference_index
        b.Zeros(16); // pre_defined and reserved
        b.U16((ushort)track.Geometry.Width);
        b.U16((ushort)track.Geometry.Height);
        b.U32(0x00480000); // 72 dpi
        b.U32(0x00480000);
        b.Zeros(4);
        b.U16(1); // frame_count
        b.Zeros(32); // compressorname
        b.U16(0x0018); // depth: colour, no alpha
        b.U16(0xFFFF); // pre_defined = -1
        WriteAvcC(b, track);
        b.End();
        b.End();
    }

    private static void WriteAvcC(BoxBuffer b, VideoTrack track)
    {
        b.Begin("avcC");
        b.U8(1); // configurationVersion
        b.U8(H264Settings.ProfileIdc);
        b.U8(H264Settings.ConstraintFlags);
        b.U8((byte)H264Settings.LevelIdc(track.Geometry));
        b.U8(0xFF); // lengthSizeMinusOne = 3: four-byte NAL lengths
        b.U8(0xE1); // one SPS
        b.U16((ushort)track.Sps.Length);
        b.Bytes(track.Sps);
        b.U8(1); // one PPS
        b.U16((ushort)track.Pps.Length);
        b.Bytes(track.Pps);
        b.End();
    }

    private static void WriteStts(BoxBuffer b, SampleTiming timing)
    {
        var lastIsShort = timing.LastFrameTicks != SampleTiming.FrameTicks;
        var fullFrames = (uint)(lastIsShort ? timing.FrameCount - 1 : timing.FrameCount);
        b.BeginFull("stts", 0, 0);
        b.U32((fullFrames > 0 ? 1u : 0u) + (lastIsShort ? 1u : 0u));
        if (fullFrames > 0)
        {
            b.U32(fullFrames);
            b.U32(SampleTiming.FrameTicks);
        }

        if (lastIsShort)
        {
            b.U32(1);
            b.U32(timing.LastFrameTicks);
        }

        b.End();
    }
}
