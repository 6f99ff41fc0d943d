using System.Text.Json;
using StarSend.Core.Errors;
using StarSend.Core.Json;
using StarSend.Core.Projects;

namespace StarSend.Infrastructure.State;

/// <summary>
/// One JSON state document of a project, read whole and replaced whole. Reads need no lock (a write is a rename, so a
/// reader sees one complete version); an update is lock, read the latest, change, write atomically, unlock.
/// </summary>
/// <typeparam name="T">The document; a missing file reads as <c>new T()</c>.</typeparam>
public sealed class JsonStateFile<T>
    where T : class, new()
{
    private static readonly byte[] _utf8Bom = [0xEF, 0xBB, 0xBF];

    private readonly string _path;
    private readonly int _knownSchemaVersion;
    private readonly ProjectLock _lock;
    private readonly TimeProvider _time;
    private readonly StateFileOptions _options;

    public JsonStateFile(ProjectPaths paths, string path, int knownSchemaVersion, TimeProvider time, StateFileOptions? options = null)
    {
        _path = Path.GetFullPath(path);
        DisplayName = paths.Relative(_path);
        _knownSchemaVersion = knownSchemaVersion;
        _lock = new ProjectLock(paths);
        _time = time;
        _options = options ?? StateFileOptions.Default;
    }

    /// <summary>The project-relative path used in messages, e.g. <c>state/executions.json</c>.</summary>
    public string DisplayName { get; }

    /// <summary>Reads the document; synchronously, as <see cref="Read"/> (the task is complete when returned).</summary>
    /// <exception cref="StateFileException">The file is unreadable, not valid JSON, or of a newer schema.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before the read.</exception>
    public Task<T> ReadAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Read());
    }

    /// <summary>
    /// Reads the document on the calling thread. A state file is small (kilobytes) and local: on Linux .NET has no
    /// asynchronous file reads (a <see cref="FileOptions.Asynchronous"/> read is a thread-pool hop), so a plain read is
    /// cheaper, and it keeps the run time's async machinery off <c>status</c>'s start-up path (#12).
    /// </summary>
    /// <exception cref="StateFileException">The file is unreadable, not valid JSON, or of a newer schema.</exception>
    public T Read()
    {
        StateFileReads.Count(_path);
        byte[] bytes;
        try
        {
            using var stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
            bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return new T();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StateFileException($"cannot read {DisplayName}: {ex.Message}", ex);
        }

        return Parse(bytes);
    }

    /// <summary>Applies <paramref name="change"/> to the latest document under the project lock and saves what it returns.</summary>
    /// <remarks>If <paramref name="change"/> throws, nothing is written and the exception propagates.</remarks>
    public async Task<T> UpdateAsync(Func<T, T> change, CancellationToken cancellationToken)
    {
        var held = await _lock.AcquireAsync(_options.LockTimeout, _options.Holder, _time, cancellationToken);
        await using (held)
        {
            var next = change(await ReadAsync(cancellationToken));
            await WriteAsync(next, cancellationToken);
            return next;
        }
    }

    private async Task WriteAsync(T document, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(document, StarSendJson.Options);
        Array.Resize(ref bytes, bytes.Length + 1);
        bytes[^1] = (byte)'\n';
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            await AtomicFile.WriteAllBytesAsync(_path, bytes, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StateFileException($"cannot write {DisplayName} (it is unchanged): {ex.Message}", ex);
        }
    }

    private T Parse(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(_utf8Bom))
        {
            bytes = bytes[_utf8Bom.Length..];
        }

        try
        {
            if (bytes.Trim(" \t\r\n"u8).IsEmpty)
            {
                throw new JsonException("the file is empty");
            }

            var version = SchemaVersion.Read(bytes);
            if (version > _knownSchemaVersion)
            {
                throw new StateFileException(
                    $"{DisplayName} has schema version {version}; this StarSend knows up to {_knownSchemaVersion} — upgrade StarSend");
            }

            return JsonSerializer.Deserialize<T>(bytes, StarSendJson.Options)
                ?? throw new JsonException("the document is null", path: null, lineNumber: 0, bytePositionInLine: 0);
        }
        catch (JsonException ex)
        {
            throw new StateFileException($"{DisplayName} is unreadable{Where(ex)}: {Reason(ex)}; fix it or restore it from a backup", ex);
        }
    }

    private static string Where(JsonException ex)
    {
        var line = ex.LineNumber is { } l ? $" at line {l + 1}, column {(ex.BytePositionInLine ?? 0) + 1}" : string.Empty;
        return ex.Path is { Length: > 1 } path ? $"{line} ({path})" : line;
    }

    /// <summary>The serializer's reason on one short line, without the location it appends or .NET type names.</summary>
    private static string Reason(JsonException ex)
    {
        var message = ex.Message;
        foreach (var marker in new[] { " Path:", " LineNumber:", " | LineNumber:" })
        {
            var at = message.IndexOf(marker, StringComparison.Ordinal);
            if (at > 0)
            {
                message = message[..at];
            }
        }

        if (message.Contains("could not be converted to", StringComparison.Ordinal))
        {
            message = "a value has the wrong type";
        }

        var missing = message.IndexOf("including: ", StringComparison.Ordinal);
        if (message.Contains("missing required properties", StringComparison.Ordinal) && missing > 0)
        {
            message = "missing required properties " + message[(missing + 11)..];
        }

        message = string.Join(' ', message.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.');
        return message.Length <= 120 ? message : message[..117] + "...";
    }
}
