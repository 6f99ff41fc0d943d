using SkiaSharp;

namespace StarSend.Imaging;

/// <summary>
/// Opens Skia's codec over a file's bytes after the checks that must come first: size, magic bytes, then the header's
/// dimensions against <see cref="ImageLimits"/>, all before a pixel is allocated. Every failure is an
/// <see cref="ImagingException"/> naming the file.
/// </summary>
internal sealed class SkiaCodec : IDisposable
{
    private readonly SKData _data;

    private SkiaCodec(SKData data, SKCodec codec, ImageFormat format)
    {
        _data = data;
        Codec = codec;
        Format = format;
    }

    public SKCodec Codec { get; }

    public ImageFormat Format { get; }

    /// <summary>EXIF orientation 1–8 as the codec reports it.</summary>
    public int Orientation => Codec.EncodedOrigin is >= SKEncodedOrigin.TopLeft and <= SKEncodedOrigin.LeftBottom ? (int)Codec.EncodedOrigin : 1;

    public static SkiaCodec Open(ReadOnlySpan<byte> bytes, string name, ImageLimits limits)
    {
        if (bytes.Length > limits.MaxBytes)
        {
            throw new ImagingException($"{name}: {bytes.Length} bytes, over the limit of {limits.MaxBytes}");
        }

        var format = ImageSniffer.Detect(bytes, name);
        var data = SKData.CreateCopy(bytes);
        try
        {
            var codec = SKCodec.Create(data)
                ?? throw new ImagingException($"{name}: broken {Label(format)} (its header cannot be read)");
            var info = codec.Info;
            if (info.Width <= 0 || info.Height <= 0 || info.Width > limits.MaxSide || info.Height > limits.MaxSide
                || (long)info.Width * info.Height > limits.MaxPixels)
            {
                codec.Dispose();
                throw new ImagingException(
                    $"{name}: {Label(format)} claims {info.Width}x{info.Height} px, over the limit of {limits.MaxSide} px a side and {limits.MaxPixels} px");
            }

            return new SkiaCodec(data, codec, format);
        }
        catch
        {
            data.Dispose();
            throw;
        }
    }

    public static string Label(ImageFormat format) => format switch
    {
        ImageFormat.Jpeg => "JPEG",
        ImageFormat.WebP => "WebP",
        _ => "PNG",
    };

    public void Dispose()
    {
        Codec.Dispose();
        _data.Dispose();
    }
}
