namespace StarSend.Infrastructure.Gemini;

/// <summary>What image bytes are by their signature, never by a label: Gemini 3 labels JPEG bytes <c>image/png</c> (field-log #2).</summary>
internal static class ImageMagic
{
    /// <summary><c>image/png</c>, <c>image/jpeg</c>, <c>image/webp</c> or <c>image/gif</c>, or null when the bytes are none of them.</summary>
    public static string? Sniff(ReadOnlySpan<byte> data) => data switch
    {
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => "image/png",
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => "image/webp",
        [(byte)'G', (byte)'I', (byte)'F', (byte)'8', ..] => "image/gif",
        _ => null,
    };
}
