namespace StarSend.Core.Steps;

/// <summary>What a provider takes for an uploaded image, checked before sending.</summary>
internal static class SendLimits
{
    /// <summary>
    /// Kling V3/O3 refuse a start frame over 10 MB (openstory-so/openstory#412 and PR #413, 2026-03-15: large PNGs from
    /// image models; the fix re-encodes to JPEG only the frame sent). Images are brought under it before upload.
    /// </summary>
    public const long MaxImageBytes = 10L * 1024 * 1024;
}
