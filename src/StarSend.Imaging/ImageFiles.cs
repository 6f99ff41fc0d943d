namespace StarSend.Imaging;

/// <summary>Reads an image file whole, after checking its size, turning file-system failures into <see cref="ImagingException"/>.</summary>
internal static class ImageFiles
{
    public static byte[] ReadAll(string path, ImageLimits limits)
    {
        var name = Path.GetFileName(path);
        try
        {
            var length = new FileInfo(path).Length;
            if (length > limits.MaxBytes)
            {
                throw new ImagingException($"{name}: {length} bytes, over the limit of {limits.MaxBytes}");
            }

            return File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ImagingException($"{name}: file not found", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ImagingException($"{name}: cannot be read ({ex.Message})", ex);
        }
    }
}
