using System.Buffers.Binary;
using StarSend.Imaging;

namespace StarSend.Emulator.Media;

/// <summary>
/// Writes an MP4 (H.264 Constrained Baseline) that shows one frame for a given time: an IDR picture of raw (I_PCM)
/// macroblocks, then P pictures that skip every macroblock. Valid for any decoder, needs no external program.
/// </summary>
internal static class H264Mp4Writer
{
    private const int MdatHeaderSize = 8;

    /// <param name="frame">The picture to show; alpha is ignored.</param>
    /// <param name="durationS">Seconds; mvhd, tkhd and mdhd all state exactly this.</param>
    /// <param name="output">Receives the file, ftyp, moov, mdat in that order.</param>
    /// <param name="fps">Frames a second.</param>
    public static void Write(RgbaImage frame, double durationS, Stream output, int fps = 24)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(output);
        var timing = SampleTiming.For(durationS, fps);
        var yuv = YuvFrame.FromRgba(frame);
        var geometry = yuv.Geometry;

        var idr = SliceWriter.Idr(yuv);
        var samples = new List<byte[]>(timing.FrameCount) { idr };
        for (var frameNum = 1; frameNum < timing.FrameCount; frameNum++)
        {
            samples.Add(SliceWriter.Skipped(geometry, frameNum));
        }

        var sampleSizes = samples.Select(s => s.Length + 4).ToList();
        var track = new VideoTrack(geometry, ParameterSets.Sps(geometry, fps), ParameterSets.Pps(), timing, sampleSizes);
        var ftyp = MovieBoxes.Ftyp();
        var moovSize = MovieBoxes.Moov(track, 0).Length;
        var mdatPayload = sampleSizes.Sum(s => (long)s);
        var chunkOffset = checked((uint)(ftyp.Length + moovSize + MdatHeaderSize));
        var moov = MovieBoxes.Moov(track, chunkOffset);

        output.Write(ftyp);
        output.Write(moov);
        Span<byte> header = stackalloc byte[MdatHeaderSize];
        BinaryPrimitives.WriteUInt32BigEndian(header, checked((uint)(mdatPayload + MdatHeaderSize)));
        "mdat"u8.CopyTo(header[4..]);
        output.Write(header);
        Span<byte> length = stackalloc byte[4];
        foreach (var sample in samples)
        {
            BinaryPrimitives.WriteUInt32BigEndian(length, (uint)sample.Length);
            output.Write(length);
            output.Write(sample);
        }
    }
}
