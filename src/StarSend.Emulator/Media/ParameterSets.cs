namespace StarSend.Emulator.Media;

/// <summary>The sequence and picture parameter sets (as NAL units) for one picture size and frame rate.</summary>
internal static class ParameterSets
{
    public static byte[] Sps(FrameGeometry geometry, int fps)
    {
        var w = new BitWriter();
        w.WriteBits(H264Settings.ProfileIdc, 8);
        w.WriteBits(H264Settings.ConstraintFlags, 8);
        w.WriteBits((uint)H264Settings.LevelIdc(geometry), 8);
        w.WriteUe(0); // seq_parameter_set_id
        w.WriteUe(H264Settings.Log2MaxFrameNum - 4);
        w.WriteUe(2); // pic_order_cnt_type: output order is decoding order
        w.WriteUe(1); // max_num_ref_frames
        w.WriteBit(false); // gaps_in_frame_num_value_allowed_flag
        w.WriteUe((uint)geometry.WidthInMbs - 1);
        w.WriteUe((uint)geometry.HeightInMbs - 1);
        w.WriteBit(true); // frame_mbs_only_flag
        w.WriteBit(true); // direct_8x8_inference_flag
        w.WriteBit(geometry.NeedsCropping);
        if (geometry.NeedsCropping)
        {
            w.WriteUe(0);
            w.WriteUe((uint)geometry.CropRight);
            w.WriteUe(0);
            w.WriteUe((uint)geometry.CropBottom);
        }

        w.WriteBit(true); // vui_parameters_present_flag
        WriteVui(w, fps);
        w.WriteTrailingBits();
        return NalUnit.Build(3, NalUnit.SequenceParameterSet, w.ToArray());
    }

    public static byte[] Pps()
    {
        var w = new BitWriter();
        w.WriteUe(0); // pic_parameter_set_id
        w.WriteUe(0); // seq_parameter_set_id
        w.WriteBit(false); // entropy_coding_mode_flag: CAVLC
        w.WriteBit(false); // bottom_field_pic_order_in_frame_present_flag
        w.WriteUe(0); // num_slice_groups_minus1
        w.WriteUe(0); // num_ref_idx_l0_default_active_minus1
        w.WriteUe(0); // num_ref_idx_l1_default_active_minus1
        w.WriteBit(false); // weighted_pred_flag
        w.WriteBits(0, 2); // weighted_bipred_idc
        w.WriteSe(0); // pic_init_qp_minus26
        w.WriteSe(0); // pic_init_qs_minus26
        w.WriteSe(0); // chroma_qp_index_offset
        w.WriteBit(true); // deblocking_filter_control_present_flag
        w.WriteBit(false); // constrained_intra_pred_flag
        w.WriteBit(false); // redundant_pic_cnt_present_flag
        w.WriteTrailingBits();
        return NalUnit.Build(3, NalUnit.PictureParameterSet, w.ToArray());
    }

    private static void WriteVui(BitWriter w, int fps)
    {
        w.WriteBit(true); // aspect_ratio_info_present_flag
        w.WriteBits(1, 8); // aspect_ratio_idc: square pixels
        w.WriteBit(false); // overscan_info_present_flag
        w.WriteBit(true); // video_signal_type_present_flag
        w.WriteBits(5, 3); // video_format: unspecified
        w.WriteBit(false); // video_full_range_flag: limited range
        w.WriteBit(true); // colour_description_present_flag
        w.WriteBits(6, 8); // colour_primaries: SMPTE 170M
        w.WriteBits(6, 8); // transfer_characteristics: SMPTE 170M
        w.WriteBits(6, 8); // matrix_coefficients: BT.601
        w.WriteBit(false); // chroma_loc_info_present_flag
        w.WriteBit(true); // timing_info_present_flag
        w.WriteBits(1, 32); // num_units_in_tick
        w.WriteBits((uint)(2 * fps), 32); // time_scale: two ticks a frame
        w.WriteBit(false); // fixed_frame_rate_flag: the last frame may be shortened to hit the duration
        w.WriteBit(false); // nal_hrd_parameters_present_flag
        w.WriteBit(false); // vcl_hrd_parameters_present_flag
        w.WriteBit(false); // pic_struct_present_flag
        w.WriteBit(true); // bitstream_restriction_flag
        w.WriteBit(true); // motion_vectors_over_pic_boundaries_flag
        w.WriteUe(0); // max_bytes_per_pic_denom
        w.WriteUe(0); // max_bits_per_mb_denom
        w.WriteUe(16); // log2_max_mv_length_horizontal
        w.WriteUe(16); // log2_max_mv_length_vertical
        w.WriteUe(0); // max_num_reorder_frames
        w.WriteUe(1); // max_dec_frame_buffering
    }
}
