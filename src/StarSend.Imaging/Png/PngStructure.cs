namespace StarSend.Imaging.Png;

/// <summary>The chunks of a PNG that decoding needs, found and checked by <see cref="PngChunkReader"/>.</summary>
internal sealed class PngStructure(PngHeader header)
{
    public PngHeader Header { get; } = header;

    /// <summary>RGBA8 per palette entry (256 entries, opaque black past the PLTE's count), or null without PLTE.</summary>
    public byte[]? Palette { get; set; }

    public int PaletteCount { get; set; }

    public PngTransparency? Transparency { get; set; }

    public List<Range> ImageData { get; } = [];

    public long ImageDataLength { get; set; }
}
