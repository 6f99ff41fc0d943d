namespace StarSend.Emulator.Media;

/// <summary>
/// The coded size of a picture: whole 16×16 macroblocks, cropped back to the shown size, which 4:2:0 chroma
/// keeps even (an odd source size is shown one pixel larger, the edge repeated).
/// </summary>
internal sealed record FrameGeometry(int Width, int Height)
{
    public int WidthInMbs => (Width + 15) / 16;

    public int HeightInMbs => (Height + 15) / 16;

    public int CodedWidth => WidthInMbs * 16;

    public int CodedHeight => HeightInMbs * 16;

    public int MbCount => WidthInMbs * HeightInMbs;

    public bool NeedsCropping => CodedWidth != Width || CodedHeight != Height;

    /// <summary>frame_crop_right_offset, in 2-pixel chroma units.</summary>
    public int CropRight => (CodedWidth - Width) / 2;

    /// <summary>frame_crop_bottom_offset, in 2-pixel chroma units.</summary>
    public int CropBottom => (CodedHeight - Height) / 2;

    public static FrameGeometry For(int sourceWidth, int sourceHeight)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sourceWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sourceHeight);
        return new FrameGeometry((sourceWidth + 1) & ~1, (sourceHeight + 1) & ~1);
    }
}
