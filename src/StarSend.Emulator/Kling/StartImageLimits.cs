using StarSend.Emulator.Http;
using StarSend.Emulator.Storage;

namespace StarSend.Emulator.Kling;

/// <summary>
/// Kling's limits on the start image it downloads: at most 10 MB (openstory-so/openstory#412, 2026-03-15: large
/// PNGs from image models were refused). Checked on start images stored in this emulator; other URLs are not fetched.
/// </summary>
internal static class StartImageLimits
{
    public const long MaxBytes = 10L * 1024 * 1024;

    public static IReadOnlyList<FieldError> Check(VideoSpec spec, FileStore files, string baseUrl)
    {
        var bytes = files.ReadOwn(spec.StartImageUrl, baseUrl);
        return bytes is not null && bytes.Length > MaxBytes
            ? [new FieldError(["body", "start_image_url"], $"Image file size ({bytes.Length} bytes) exceeds the maximum of 10MB", "image_too_large")]
            : [];
    }
}
