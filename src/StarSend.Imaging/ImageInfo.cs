namespace StarSend.Imaging;

/// <summary>
/// What an image's header says, read without decoding its pixels. <see cref="Width"/> and <see cref="Height"/> are
/// the upright ones, after the EXIF orientation; <see cref="Bytes"/> is the file size.
/// </summary>
public sealed record ImageInfo(ImageFormat Format, int Width, int Height, long Bytes)
{
    /// <summary>EXIF orientation 1–8 (1: stored upright; 6 and 8: a phone held sideways, stored rotated 90°).</summary>
    public int Orientation { get; init; } = 1;

    /// <summary>True when the file holds an alpha channel (or a transparency key).</summary>
    public bool HasAlpha { get; init; }

    /// <summary>Bits per channel as stored: 8, or 16 for a 16-bit PNG (decoded to 8).</summary>
    public int BitsPerChannel { get; init; } = 8;

    /// <summary>True for a CMYK or YCCK JPEG (from design tools), decoded to sRGB.</summary>
    public bool Cmyk { get; init; }

    /// <summary>True when the pixels are not stored upright, so the file's own width and height are swapped or flipped.</summary>
    public bool Rotated => Orientation != 1;
}
