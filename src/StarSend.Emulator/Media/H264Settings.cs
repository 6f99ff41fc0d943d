namespace StarSend.Emulator.Media;

/// <summary>The fixed choices of this encoder, shared by the parameter sets, the slices and the avcC box.</summary>
internal static class H264Settings
{
    public const int ProfileIdc = 66;

    /// <summary>constraint_set0 and constraint_set1: Constrained Baseline.</summary>
    public const int ConstraintFlags = 0xC0;

    public const int Log2MaxFrameNum = 16;

    public const int MaxFrameNum = 1 << Log2MaxFrameNum;

    /// <summary>mb_type of I_PCM in an I slice.</summary>
    public const int IPcmMbType = 25;

    /// <summary>The lowest level whose frame size (in macroblocks) fits the picture.</summary>
    public static int LevelIdc(FrameGeometry geometry) => geometry.MbCount switch
    {
        <= 1620 => 30,
        <= 3600 => 31,
        <= 8192 => 40,
        <= 22080 => 50,
        _ => 51,
    };
}
