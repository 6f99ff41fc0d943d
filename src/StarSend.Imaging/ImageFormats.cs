namespace StarSend.Imaging;

/// <summary>File extensions and MIME types of <see cref="ImageFormat"/>, for naming paid bytes by what they are.</summary>
public static class ImageFormats
{
    /// <summary>The extension, with its dot: <c>.png</c>, <c>.jpg</c>, <c>.webp</c>.</summary>
    public static string Extension(this ImageFormat format) => format switch
    {
        ImageFormat.Jpeg => ".jpg",
        ImageFormat.WebP => ".webp",
        _ => ".png",
    };

    /// <summary>The MIME type: <c>image/png</c>, <c>image/jpeg</c>, <c>image/webp</c>.</summary>
    public static string MimeType(this ImageFormat format) => format switch
    {
        ImageFormat.Jpeg => "image/jpeg",
        ImageFormat.WebP => "image/webp",
        _ => "image/png",
    };

    /// <summary>The format of <paramref name="data"/> from its magic bytes, or null when it is none StarSend reads.</summary>
    public static ImageFormat? Detect(ReadOnlySpan<byte> data) => ImageSniffer.TryDetect(data);
}
