namespace StarSend.Emulator.Storage;

/// <summary>A file the emulator serves: uploaded bytes, or an output made on first use.</summary>
internal sealed class StoredFile(string id, string fileName, string contentType, Lazy<byte[]>? content)
{
    private Lazy<byte[]>? _content = content;

    public string Id { get; } = id;

    public string FileName { get; } = fileName;

    public string ContentType { get; private set; } = contentType;

    /// <summary>False until the upload's PUT arrived.</summary>
    public bool HasContent => Volatile.Read(ref _content) is not null;

    public byte[] Content => (Volatile.Read(ref _content) ?? throw new InvalidOperationException($"File {Id} has no content yet.")).Value;

    public void Complete(byte[] bytes, string? contentType)
    {
        if (!string.IsNullOrEmpty(contentType))
        {
            ContentType = contentType;
        }

        Volatile.Write(ref _content, new Lazy<byte[]>(bytes));
    }
}
