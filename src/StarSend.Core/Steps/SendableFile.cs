using StarSend.Core.Errors;
using StarSend.Imaging;

namespace StarSend.Core.Steps;

/// <summary>
/// A file about to be uploaded: the file itself, or, when Imaging had to turn it upright, convert it from CMYK or
/// bring it under <see cref="SendLimits.MaxImageBytes"/>, a temporary re-encoded copy deleted after the upload.
/// The content type comes from the bytes, never the extension.
/// </summary>
internal sealed class SendableFile : IDisposable
{
    private readonly bool _temporary;

    private SendableFile(string path, string contentType, bool temporary)
    {
        Path = path;
        ContentType = contentType;
        _temporary = temporary;
    }

    public string Path { get; }

    public string ContentType { get; }

    public static async Task<SendableFile> PrepareAsync(string path, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        if (ImageFormats.Detect(bytes) is null)
        {
            var byName = System.IO.Path.GetExtension(path).ToLowerInvariant() is ".jpg" or ".jpeg" ? "image/jpeg" : "image/png";
            return new SendableFile(path, byName, temporary: false);
        }

        SendableImage sending;
        try
        {
            sending = SendableImage.Prepare(bytes, System.IO.Path.GetFileName(path), SendLimits.MaxImageBytes);
        }
        catch (ImagingException ex)
        {
            throw new BadInputException($"{path}: cannot be sent ({ex.Message})");
        }

        if (sending.Changed is null)
        {
            return new SendableFile(path, sending.MimeType, temporary: false);
        }

        var temp = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"starsend-send-{Guid.NewGuid():N}{sending.Format.Extension()}");
        await File.WriteAllBytesAsync(temp, sending.Bytes, cancellationToken);
        return new SendableFile(temp, sending.MimeType, temporary: true);
    }

    public void Dispose()
    {
        if (_temporary)
        {
            File.Delete(Path);
        }
    }
}
