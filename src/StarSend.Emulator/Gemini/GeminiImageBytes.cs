using StarSend.Emulator.Faults;
using StarSend.Imaging;

namespace StarSend.Emulator.Gemini;

/// <summary>
/// The bytes and label of an image part. PNG by default; the field shows Gemini 3 image models answering JPEG
/// (labelled <c>image/jpeg</c>, or <c>image/png</c> over JPEG bytes: googleapis/python-genai#1824, ComfyUI PR #12511)
/// and, through proxies, WebP; the faults <c>jpeg</c>, <c>jpeg-labelled-png</c> and <c>webp</c> answer that way.
/// </summary>
internal static class GeminiImageBytes
{
    public static (byte[] Bytes, string MimeType) Encode(RgbaImage image, FaultKind? fault) => fault switch
    {
        FaultKind.JpegImage => (ImageCodec.EncodeJpeg(image), "image/jpeg"),
        FaultKind.JpegLabelledPng => (ImageCodec.EncodeJpeg(image), "image/png"),
        FaultKind.WebpImage => (ImageCodec.EncodeWebp(image), "image/webp"),
        _ => (ImageCodec.EncodePng(image), "image/png"),
    };
}
