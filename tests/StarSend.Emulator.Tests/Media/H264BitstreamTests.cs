using StarSend.Emulator.Media;

namespace StarSend.Emulator.Tests.Media;

public sealed class H264BitstreamTests
{
    [Theory]
    [InlineData(0u)]
    [InlineData(1u)]
    [InlineData(2u)]
    [InlineData(7u)]
    [InlineData(25u)]
    [InlineData(65535u)]
    [InlineData(uint.MaxValue - 1)]
    public void WriteUe_Value_ReadsBackEqual(uint value)
    {
        var writer = new BitWriter();
        writer.WriteUe(value);
        writer.WriteTrailingBits();

        var reader = BitReader.ForRbsp(writer.ToArray());

        reader.ReadUe().Should().Be(value);
        reader.AtTrailingBits().Should().BeTrue();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(-1)]
    [InlineData(26)]
    [InlineData(-26)]
    [InlineData(int.MaxValue)]
    public void WriteSe_Value_ReadsBackEqual(int value)
    {
        var writer = new BitWriter();
        writer.WriteSe(value);
        writer.WriteTrailingBits();

        BitReader.ForRbsp(writer.ToArray()).ReadSe().Should().Be(value);
    }

    [Fact]
    public void NalUnitBuild_ZeroRuns_EscapedAndRecoverable()
    {
        byte[] rbsp = [0, 0, 1, 0, 0, 0, 0, 0, 3, 0, 0, 2, 0x80];

        var nal = NalUnit.Build(3, NalUnit.IdrSlice, rbsp);

        nal[..5].Should().Equal(0x65, 0, 0, 3, 1);
        for (var i = 3; i < nal.Length; i++)
        {
            var startCodeLike = nal[i - 2] == 0 && nal[i - 1] == 0 && nal[i] <= 2;
            startCodeLike.Should().BeFalse($"bytes {i - 2}..{i} must not look like a start code");
        }

        var (refIdc, type, reader) = BitReader.ForNal(nal);
        (refIdc, type).Should().Be((3, NalUnit.IdrSlice));
        rbsp.Select(_ => (byte)reader.ReadBits(8)).Should().Equal(rbsp);
    }

    [Theory]
    [InlineData(320, 180)]
    [InlineData(640, 360)]
    [InlineData(16, 16)]
    [InlineData(321, 181)]
    public void Sps_ParsedBack_DescribesTheFrame(int width, int height)
    {
        var mp4 = new Mp4TestReader(TestFrames.WriteMp4(TestFrames.Blocks(width, height), 3));

        var sps = ParsedSps.Parse(mp4.Sps());

        sps.ProfileIdc.Should().Be(66, "Baseline");
        (sps.ConstraintFlags & 0xC0).Should().Be(0xC0, "Constrained Baseline");
        sps.LevelIdc.Should().BeGreaterThanOrEqualTo(30);
        sps.FrameMbsOnly.Should().BeTrue();
        sps.MaxNumRefFrames.Should().Be(1);
        sps.Width.Should().Be((width + 1) & ~1);
        sps.Height.Should().Be((height + 1) & ~1);
        (sps.WidthInMbs * 16).Should().BeGreaterThanOrEqualTo(width).And.BeLessThan(width + 16);
        sps.VuiPresent.Should().BeTrue();
        sps.TrailingBitsOk.Should().BeTrue();
        mp4.AvcC()[1].Should().Be((byte)sps.ProfileIdc);
        mp4.AvcC()[3].Should().Be((byte)sps.LevelIdc);
    }

    [Fact]
    public void Pps_ParsedBack_IsCavlcWithDeblockingControl()
    {
        var mp4 = new Mp4TestReader(TestFrames.WriteMp4(TestFrames.Blocks(64, 48), 3));
        var (_, type, r) = BitReader.ForNal(mp4.Pps());

        type.Should().Be(8);
        r.ReadUe().Should().Be(0, "pic_parameter_set_id");
        r.ReadUe().Should().Be(0, "seq_parameter_set_id");
        r.ReadBit().Should().BeFalse("CAVLC, as Baseline requires");
        r.ReadBit().Should().BeFalse();
        r.ReadUe().Should().Be(0, "one slice group");
        r.ReadUe().Should().Be(0);
        r.ReadUe().Should().Be(0);
        r.ReadBit().Should().BeFalse("no weighted prediction");
        r.ReadBits(2).Should().Be(0);
        r.ReadSe().Should().Be(0);
        r.ReadSe().Should().Be(0);
        r.ReadSe().Should().Be(0);
        r.ReadBit().Should().BeTrue("deblocking_filter_control_present_flag");
        r.ReadBit().Should().BeFalse();
        r.ReadBit().Should().BeFalse();
        r.AtTrailingBits().Should().BeTrue();
    }

    [Theory]
    [InlineData(320, 180)]
    [InlineData(330, 190)]
    [InlineData(321, 181)]
    public void IdrSlice_DecodedBack_MatchesInputFrame(int width, int height)
    {
        var frame = TestFrames.Blocks(width, height);
        var mp4 = new Mp4TestReader(TestFrames.WriteMp4(frame, 3));
        var sps = ParsedSps.Parse(mp4.Sps());

        var first = mp4.Samples()[0];
        var picture = PcmPicture.Decode(first.Single(), sps);

        var worst = 0;
        for (var y = 0; y < height; y++)
        {
            var row = frame.Row(y);
            for (var x = 0; x < width; x++)
            {
                var (r, g, b) = picture.Rgb(x, y);
                worst = Math.Max(worst, Math.Max(Math.Abs(r - row[x * 4]), Math.Max(Math.Abs(g - row[(x * 4) + 1]), Math.Abs(b - row[(x * 4) + 2]))));
            }
        }

        // 8-bit limited-range Y'CbCr and the 2×2 chroma average over a one-level shade cost a few levels at most.
        worst.Should().BeLessThanOrEqualTo(4);
    }

    [Fact]
    public void LaterSamples_AreSkippedPSlicesCountingFrameNum()
    {
        var mp4 = new Mp4TestReader(TestFrames.WriteMp4(TestFrames.Blocks(100, 60), 3));
        var sps = ParsedSps.Parse(mp4.Sps());

        var samples = mp4.Samples();

        samples.Should().HaveCount(72);
        for (var i = 1; i < samples.Count; i++)
        {
            var (refIdc, type, r) = BitReader.ForNal(samples[i].Single());
            type.Should().Be(1, "a non-IDR slice");
            refIdc.Should().BeGreaterThan(0, "each picture is the next one's reference");
            r.ReadUe().Should().Be(0, "first_mb_in_slice");
            r.ReadUe().Should().BeOneOf(0u, 5u);
            r.ReadUe().Should().Be(0);
            r.ReadBits(sps.Log2MaxFrameNum).Should().Be((uint)i, "frame_num counts reference pictures");
            r.ReadBit().Should().BeFalse("num_ref_idx_active_override_flag");
            r.ReadBit().Should().BeFalse("ref_pic_list_modification_flag_l0");
            r.ReadBit().Should().BeFalse("adaptive_ref_pic_marking_mode_flag");
            r.ReadSe().Should().Be(0);
            r.ReadUe().Should().Be(1);
            r.ReadUe().Should().Be((uint)(sps.WidthInMbs * sps.HeightInMbs), "mb_skip_run covers the picture");
            r.AtTrailingBits().Should().BeTrue();
        }

        mp4.U32("moov/trak/mdia/minf/stbl/stss", 0).Should().Be(1, "one sync sample");
        mp4.U32("moov/trak/mdia/minf/stbl/stss", 4).Should().Be(1, "the IDR is sample 1");
    }
}
