namespace StarSend.Imaging.Video;

/// <summary>A box inside another box that is already in memory.</summary>
internal readonly record struct ChildBox(string Type, ReadOnlyMemory<byte> Payload)
{
    /// <summary>The boxes that fill <paramref name="payload"/>, each checked to fit inside it.</summary>
    /// <param name="payload">The parent's payload (after any version and flags).</param>
    /// <param name="parent">The parent's type, for messages.</param>
    public static List<ChildBox> ReadAll(ReadOnlyMemory<byte> payload, string parent)
    {
        var children = new List<ChildBox>();
        var offset = 0;
        while (offset < payload.Length)
        {
            var rest = payload.Span[offset..];
            BoxHeader header;
            try
            {
                header = BoxHeader.Parse(rest[..Math.Min(rest.Length, BoxHeader.MaxHeaderSize)], offset, rest.Length);
            }
            catch (Mp4FormatException ex)
            {
                throw new Mp4FormatException($"inside '{parent}': {ex.Message}");
            }

            children.Add(new ChildBox(header.Type, payload.Slice(offset + header.HeaderSize, (int)header.PayloadSize)));
            offset += (int)header.Size;
        }

        return children;
    }

    public static ChildBox? Find(List<ChildBox> boxes, string type)
    {
        foreach (var box in boxes)
        {
            if (box.Type == type)
            {
                return box;
            }
        }

        return null;
    }
}
