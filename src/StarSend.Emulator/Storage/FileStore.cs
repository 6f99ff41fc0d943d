using System.Collections.Concurrent;
using System.Text;

namespace StarSend.Emulator.Storage;

/// <summary>Every file served under <c>/files/{id}/{name}</c>: uploads and generated videos, kept in memory.</summary>
internal sealed class FileStore
{
    private readonly ConcurrentDictionary<string, StoredFile> _files = new();
    private readonly ConcurrentDictionary<string, SortedDictionary<int, byte[]>> _parts = new();

    public static string FileUrl(string baseUrl, StoredFile file) => $"{baseUrl}/files/{file.Id}/{file.FileName}";

    public StoredFile Reserve(string fileName, string contentType)
    {
        var file = new StoredFile(NewId(), SafeName(fileName), contentType, null);
        _files[file.Id] = file;
        return file;
    }

    public StoredFile AddLazy(string fileName, string contentType, Func<byte[]> make)
    {
        var file = new StoredFile(NewId(), SafeName(fileName), contentType, new Lazy<byte[]>(make, LazyThreadSafetyMode.ExecutionAndPublication));
        _files[file.Id] = file;
        return file;
    }

    public StoredFile? Find(string id) => _files.GetValueOrDefault(id);

    /// <summary>The content of one of this server's own file URLs, or null when the URL is elsewhere or unknown.</summary>
    public byte[]? ReadOwn(string? url, string baseUrl)
    {
        if (url is null || !url.StartsWith(baseUrl + "/files/", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var id = url[(baseUrl.Length + "/files/".Length)..].Split('/')[0];
        return Find(id) is { HasContent: true } file ? file.Content : null;
    }

    public void AddPart(string id, int partNumber, byte[] bytes)
    {
        var parts = _parts.GetOrAdd(id, _ => []);
        lock (parts)
        {
            parts[partNumber] = bytes;
        }
    }

    /// <summary>Joins the parts named by the client, in its order; null when one of them never arrived.</summary>
    public byte[]? JoinParts(string id, IEnumerable<int> partNumbers)
    {
        if (!_parts.TryGetValue(id, out var parts))
        {
            return null;
        }

        lock (parts)
        {
            using var joined = new MemoryStream();
            foreach (var number in partNumbers)
            {
                if (!parts.TryGetValue(number, out var bytes))
                {
                    return null;
                }

                joined.Write(bytes);
            }

            _parts.TryRemove(id, out _);
            return joined.ToArray();
        }
    }

    private static string NewId() => Guid.NewGuid().ToString("N");

    private static string SafeName(string name)
    {
        var safe = new StringBuilder();
        foreach (var c in Path.GetFileName(name))
        {
            safe.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_');
        }

        return safe.Length == 0 ? "file.bin" : safe.ToString();
    }
}
