namespace StarSend.Emulator.Media;

/// <summary>Writes the two kinds of slice this encoder makes, each a whole picture as one NAL unit.</summary>
internal static class SliceWriter
{
    private const int PSlice = 0;
    private const int ISlice = 2;

    /// <summary>An IDR picture of I_PCM macroblocks: the samples go in raw, so the picture is exact up to YUV rounding.</summary>
    public static byte[] Idr(YuvFrame frame)
    {
        var geometry = frame.Geometry;
        var w = new BitWriter();
        WriteHeader(w, ISlice, frameNum: 0, isIdr: true);
        for (var mbY = 0; mbY < geometry.HeightInMbs; mbY++)
        {
            for (var mbX = 0; mbX < geometry.WidthInMbs; mbX++)
            {
                w.WriteUe(H264Settings.IPcmMbType);
                w.AlignWithZeros(); // pcm_alignment_zero_bit
                WriteBlock(w, frame.Luma, frame.LumaStride, mbX * 16, mbY * 16, 16);
                WriteBlock(w, frame.Cb, frame.ChromaStride, mbX * 8, mbY * 8, 8);
                WriteBlock(w, frame.Cr, frame.ChromaStride, mbX * 8, mbY * 8, 8);
            }
        }

        w.WriteTrailingBits();
        return NalUnit.Build(3, NalUnit.IdrSlice, w.ToArray());
    }

    /// <summary>A P picture whose macroblocks are all skipped: with zero motion it repeats the previous picture.</summary>
    public static byte[] Skipped(FrameGeometry geometry, int frameNum)
    {
        var w = new BitWriter();
        WriteHeader(w, PSlice, frameNum % H264Settings.MaxFrameNum, isIdr: false);
        w.WriteUe((uint)geometry.MbCount); // mb_skip_run
        w.WriteTrailingBits();
        return NalUnit.Build(2, NalUnit.NonIdrSlice, w.ToArray());
    }

    private static void WriteHeader(BitWriter w, int sliceType, int frameNum, bool isIdr)
    {
        w.WriteUe(0); // first_mb_in_slice
        w.WriteUe((uint)sliceType);
        w.WriteUe(0); // pic_parameter_set_id
        w.WriteBits((uint)frameNum, H264Settings.Log2MaxFrameNum);
        if (isIdr)
        {
            w.WriteUe(0); // idr_pic_id
        }

        if (sliceType == PSlice)
        {
            w.WriteBit(false); // num_ref_idx_active_override_flag
            w.WriteBit(false); // ref_pic_list_modification_flag_l0
        }

        // dec_ref_pic_marking: every picture is a reference, kept by the sliding window.
        w.WriteBit(false); // IDR: no_output_of_prior_pics_flag; otherwise adaptive_ref_pic_marking_mode_flag
        if (isIdr)
        {
            w.WriteBit(false); // long_term_reference_flag
        }

        w.WriteSe(0); // slice_qp_delta
        w.WriteUe(1); // disable_deblocking_filter_idc: nothing to smooth in raw or copied pictures
    }

    private static void WriteBlock(BitWriter w, byte[] plane, int stride, int x0, int y0, int size)
    {
        for (var y = 0; y < size; y++)
        {
            var start = ((y0 + y) * stride) + x0;
            for (var x = 0; x < size; x++)
            {
                w.WriteByte(plane[start + x]);
            }
        }
    }
}
