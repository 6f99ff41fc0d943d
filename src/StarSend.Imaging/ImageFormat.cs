namespace StarSend.Imaging;

/// <summary>The image formats StarSend reads and writes. Decided from the bytes (<see cref="ImageSniffer"/>), never from a label.</summary>
public enum ImageFormat
{
    Png,
    Jpeg,
    WebP,
}
