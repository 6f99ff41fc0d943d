namespace StarSend.Emulator.Media;

/// <summary>Wraps an RBSP in a NAL unit: one header byte, then the payload with emulation prevention.</summary>
internal static class NalUnit
{
    public const int NonIdrSlice = 1;
    public const int IdrSlice = 5;
    public const int SequenceParameterSet = 7;
    public const int PictureParameterSet = 8;

    public static byte[] Build(int nalRefIdc, int nalUnitType, ReadOnlySpan<byte> rbsp)
    {
        var output = new List<byte>(rbsp.Length + (rbsp.Length / 64) + 1)
        {
            (byte)((nalRefIdc << 5) | nalUnitType),
        };
        var zeros = 0;
        foreach (var b in rbsp)
        {
            // Two zero bytes followed by 0..3 would read as a start code or escape: insert 0x03 between them.
            if (zeros == 2 && b <= 3)
            {
                output.Add(3);
                zeros = 0;
            }

            output.Add(b);
            zeros = b == 0 ? zeros + 1 : 0;
        }

        return [.. output];
    }
}
