namespace StarSend.Core.Providers.VideoModels;

/// <summary>What a model accepts as a start frame or element image.</summary>
/// <param name="MaxBytes">Largest file, bytes.</param>
/// <param name="MinSide">Smallest width and height, pixels.</param>
/// <param name="MaxPixels">Largest width × height, pixels; null when the provider states none.</param>
/// <param name="MinAspect">Smallest width / height.</param>
/// <param name="MaxAspect">Largest width / height.</param>
/// <param name="Extensions">File types accepted, lower case without the dot.</param>
public sealed record ImageLimits(long MaxBytes, int MinSide, long? MaxPixels, double MinAspect, double MaxAspect, IReadOnlyList<string> Extensions)
{
    /// <summary>Why an image of this size cannot be sent, or null when it can.</summary>
    public string? Problem(long bytes, int width, int height, string extension)
    {
        var ext = extension.TrimStart('.').ToLowerInvariant();
        if (!Extensions.Contains(ext))
        {
            return $"a .{ext} file; the model takes {string.Join(", ", Extensions.Select(e => "." + e))}";
        }

        if (bytes > MaxBytes)
        {
            return $"{bytes / (1024.0 * 1024):0.#} MB; the model takes at most {MaxBytes / (1024 * 1024)} MB";
        }

        if (width < MinSide || height < MinSide)
        {
            return $"{width}x{height} px; the model needs at least {MinSide} px a side";
        }

        if (MaxPixels is { } max && (long)width * height > max)
        {
            return $"{width}x{height} px; the model takes at most {max / 1_000_000.0:0.#} megapixels";
        }

        var aspect = (double)width / height;
        return aspect < MinAspect || aspect > MaxAspect
            ? $"aspect {aspect:0.##}; the model takes {MinAspect:0.##} to {MaxAspect:0.##}"
            : null;
    }
}
