namespace StarSend.Emulator.Tests.Media;

/// <summary>The SPS fields these tests check, read back with the spec's syntax (Baseline subset).</summary>
internal sealed record ParsedSps(
    int ProfileIdc,
    int ConstraintFlags,
    int LevelIdc,
    int Log2MaxFrameNum,
    int PicOrderCntType,
    int MaxNumRefFrames,
    int WidthInMbs,
    int HeightInMbs,
    bool FrameMbsOnly,
    int Width,
    int Height,
    bool VuiPresent,
    bool TrailingBitsOk)
{
    public static ParsedSps Parse(byte[] nal)
    {
        var (_, type, r) = BitReader.ForNal(nal);
        type.Should().Be(7, "an SPS is NAL unit type 7");
        var profile = (int)r.ReadBits(8);
        var constraints = (int)r.ReadBits(8);
        var level = (int)r.ReadBits(8);
        r.ReadUe().Should().Be(0, "seq_parameter_set_id");
        var log2MaxFrameNum = (int)r.ReadUe() + 4;
        var pocType = (int)r.ReadUe();
        pocType.Should().Be(2, "the writer relies on POC type 2 (no extra POC syntax)");
        var maxRefs = (int)r.ReadUe();
        r.ReadBit().Should().BeFalse("gaps_in_frame_num_value_allowed_flag");
        var widthMbs = (int)r.ReadUe() + 1;
        var heightMbs = (int)r.ReadUe() + 1;
        var frameMbsOnly = r.ReadBit();
        r.ReadBit(); // direct_8x8_inference_flag
        int cropLeft = 0, cropRight = 0, cropTop = 0, cropBottom = 0;
        if (r.ReadBit())
        {
            cropLeft = (int)r.ReadUe();
            cropRight = (int)r.ReadUe();
            cropTop = (int)r.ReadUe();
            cropBottom = (int)r.ReadUe();
        }

        var vui = r.ReadBit();
        var width = (widthMbs * 16) - (2 * (cropLeft + cropRight));
        var height = (heightMbs * 16) - (2 * (cropTop + cropBottom));
        var trailingOk = vui ? SkipVui(r) : r.AtTrailingBits();
        return new ParsedSps(profile, constraints, level, log2MaxFrameNum, pocType, maxRefs, widthMbs, heightMbs, frameMbsOnly, width, height, vui, trailingOk);
    }

    private static bool SkipVui(BitReader r)
    {
        if (r.ReadBit() && r.ReadBits(8) == 255)
        {
            r.ReadBits(32);
        }

        if (r.ReadBit())
        {
            r.ReadBit();
        }

        if (r.ReadBit())
        {
            r.ReadBits(4);
            if (r.ReadBit())
            {
                r.ReadBits(24);
            }
        }

        if (r.ReadBit())
        {
            r.ReadUe();
            r.ReadUe();
        }

        if (r.ReadBit())
        {
            r.ReadBits(32);
            r.ReadBits(32).Should().BeGreaterThan(0, "time_scale");
            r.ReadBit();
        }

        r.ReadBit().Should().BeFalse("no NAL HRD parameters");
        r.ReadBit().Should().BeFalse("no VCL HRD parameters");
        r.ReadBit(); // pic_struct_present_flag
        if (r.ReadBit())
        {
            r.ReadBit();
            for (var i = 0; i < 6; i++)
            {
                r.ReadUe();
            }
        }

        return r.AtTrailingBits();
    }
}
