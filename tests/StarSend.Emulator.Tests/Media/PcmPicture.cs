namespace StarSend.Emulator.Tests.Media;

/// <summary>
/// Decodes the writer's IDR slice (I_PCM macroblocks only) back to Y'CbCr planes and then to RGB with the
/// BT.601 limited-range inverse, as a decoder would.
/// </summary>
internal sealed class PcmPicture
{
    private PcmPicture(ParsedSps sps)
    {
        Sps = sps;
        Luma = new byte[sps.WidthInMbs * 16 * sps.HeightInMbs * 16];
        Cb = new byte[Luma.Length / 4];
        Cr = new byte[Luma.Length / 4];
    }

    public ParsedSps Sps { get; }

    public byte[] Luma { get; }

    public byte[] Cb { get; }

    public byte[] Cr { get; }

    private int LumaStride => Sps.WidthInMbs * 16;

    public static PcmPicture Decode(byte[] nal, ParsedSps sps)
    {
        var (refIdc, type, r) = BitReader.ForNal(nal);
        type.Should().Be(5, "the first picture is an IDR slice");
        refIdc.Should().BeGreaterThan(0);
        r.ReadUe().Should().Be(0, "first_mb_in_slice");
        r.ReadUe().Should().BeOneOf(2u, 7u);
        r.ReadUe().Should().Be(0, "pic_parameter_set_id");
        r.ReadBits(sps.Log2MaxFrameNum).Should().Be(0, "frame_num of an IDR");
        r.ReadUe(); // idr_pic_id
        r.ReadBit().Should().BeFalse("no_output_of_prior_pics_flag");
        r.ReadBit().Should().BeFalse("long_term_reference_flag");
        r.ReadSe(); // slice_qp_delta
        r.ReadUe().Should().Be(1, "deblocking is disabled");

        var picture = new PcmPicture(sps);
        for (var mbY = 0; mbY < sps.HeightInMbs; mbY++)
        {
            for (var mbX = 0; mbX < sps.WidthInMbs; mbX++)
            {
                r.ReadUe().Should().Be(25, "every macroblock is I_PCM");
                while (!r.IsByteAligned)
                {
                    r.ReadBit().Should().BeFalse("pcm_alignment_zero_bit");
                }

                ReadBlock(r, picture.Luma, picture.LumaStride, mbX * 16, mbY * 16, 16);
                ReadBlock(r, picture.Cb, picture.LumaStride / 2, mbX * 8, mbY * 8, 8);
                ReadBlock(r, picture.Cr, picture.LumaStride / 2, mbX * 8, mbY * 8, 8);
            }
        }

        r.AtTrailingBits().Should().BeTrue("the slice ends right after the last macroblock");
        return picture;
    }

    /// <summary>The pixel at (x, y) of the cropped picture, in RGB.</summary>
    public (int R, int G, int B) Rgb(int x, int y)
    {
        var yy = 1.164383 * (Luma[(y * LumaStride) + x] - 16);
        var c = (y / 2 * (LumaStride / 2)) + (x / 2);
        var cb = Cb[c] - 128;
        var cr = Cr[c] - 128;
        return (
            Clamp(yy + (1.596027 * cr)),
            Clamp(yy - (0.391762 * cb) - (0.812968 * cr)),
            Clamp(yy + (2.017232 * cb)));
    }

    private static int Clamp(double v) => Math.Clamp((int)Math.Round(v), 0, 255);

    private static void ReadBlock(BitReader r, byte[] plane, int stride, int x0, int y0, int size)
    {
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                plane[((y0 + y) * stride) + x0 + x] = (byte)r.ReadBits(8);
            }
        }
    }
}
