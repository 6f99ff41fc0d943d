namespace StarSend.Cli.Tests.Commands.Support;

/// <summary>Every folder and file (path and bytes) under a root, to prove a command created or changed nothing.</summary>
internal sealed class ProjectSnapshot
{
    private readonly SortedSet<string> _folders;
    private readonly SortedDictionary<string, byte[]> _files;

    private ProjectSnapshot(SortedSet<string> folders, SortedDictionary<string, byte[]> files)
    {
        _folders = folders;
        _files = files;
    }

    public IReadOnlyCollection<string> Files => _files.Keys;

    /// <summary>Takes the snapshot; paths starting with one of <paramref name="ignored"/> (relative, '/'-separated) are left out.</summary>
    public static ProjectSnapshot Take(string root, params string[] ignored)
    {
        var folders = new SortedSet<string>(StringComparer.Ordinal);
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        if (!Directory.Exists(root))
        {
            return new ProjectSnapshot(folders, files);
        }

        foreach (var entry in Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, entry).Replace('\\', '/');
            if (ignored.Any(i => relative == i || relative.StartsWith(i + "/", StringComparison.Ordinal)))
            {
                continue;
            }

            if (Directory.Exists(entry))
            {
                folders.Add(relative);
            }
            else
            {
                files[relative] = File.ReadAllBytes(entry);
            }
        }

        return new ProjectSnapshot(folders, files);
    }

    /// <summary>What differs from <paramref name="before"/>: one line per folder or file created, deleted or changed.</summary>
    public IReadOnlyList<string> ChangesSince(ProjectSnapshot before)
    {
        var changes = new List<string>();
        changes.AddRange(_folders.Except(before._folders).Select(f => $"folder created: {f}"));
        changes.AddRange(before._folders.Except(_folders).Select(f => $"folder deleted: {f}"));
        changes.AddRange(_files.Keys.Except(before._files.Keys).Select(f => $"file created: {f}"));
        changes.AddRange(before._files.Keys.Except(_files.Keys).Select(f => $"file deleted: {f}"));
        changes.AddRange(_files.Where(f => before._files.TryGetValue(f.Key, out var old) && !old.AsSpan().SequenceEqual(f.Value)).Select(f => $"file changed: {f.Key}"));
        return changes;
    }
}
