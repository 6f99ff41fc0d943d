namespace StarSend.Imaging;

public enum ImageFormat
{
    Png,
    Jpeg,
}

public sealed record ImageInfo(ImageFormat Format, int Width, int Height, long Bytes);

/// <summary>Reads an image's format and dimensions from its header without decoding it.</summary>
public static class ImageHeader
{
    /// <summary>Throws <see cref="ImagingException"/> when the file is not a PNG or JPEG it can read.</summary>
    public static ImageInfo Read(string path) => throw new NotImplementedException();
}
