namespace StarSend.Imaging.Tests.Video;

/// <summary>How a test MP4's mdat states its size: 32-bit, 64-bit largesize, or 0 (to the end of the file).</summary>
public enum MdatSize
{
    Normal,
    Large,
    ToEndOfFile,
}
