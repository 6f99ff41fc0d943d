using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace StarSend.Infrastructure.State;

/// <summary>
/// Replaces a file whole or not at all: the bytes go to a temp file in the same folder, are flushed to the disk, and
/// the temp file is renamed over the target. A reader, or a run after a crash, sees the old file or the new one,
/// never a mix. Temp files that a killed process left behind are removed by a later write.
/// </summary>
public static class AtomicFile
{
    private const string _tempSuffix = ".tmp";

    public static Task WriteAllTextAsync(string path, string text, CancellationToken cancellationToken) =>
        WriteAllBytesAsync(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text), cancellationToken);

    public static Task WriteAllBytesAsync(string path, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) =>
        WriteAsync(path, bytes, durable: true, cancellationToken);

    /// <summary>
    /// <paramref name="durable"/> false skips the flushes: the replacement is still whole-or-nothing for readers,
    /// but may be lost if the machine (not just the process) goes down. For files nobody needs after a power cut.
    /// </summary>
    internal static async Task WriteAsync(string path, ReadOnlyMemory<byte> bytes, bool durable, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        var temp = Path.Combine(folder, TempName(Path.GetFileName(full)));
        try
        {
            var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0, FileOptions.Asynchronous);
            await using (stream)
            {
                await stream.WriteAsync(bytes, cancellationToken);
                if (durable)
                {
                    stream.Flush(flushToDisk: true);
                }
            }

            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }

        if (durable)
        {
            DirectorySync.TryFlush(folder);
        }

        RemoveAbandonedTemps(folder, Path.GetFileName(full));
    }

    /// <summary>Deletes temp files of <paramref name="fileName"/> whose writing process no longer runs.</summary>
    internal static void RemoveAbandonedTemps(string folder, string fileName)
    {
        IEnumerable<string> temps;
        try
        {
            temps = Directory.EnumerateFiles(folder, $".{fileName}.*{_tempSuffix}").ToList();
        }
        catch (IOException)
        {
            return;
        }

        foreach (var temp in temps)
        {
            if (OwnerPid(Path.GetFileName(temp), fileName) is { } pid && pid != Environment.ProcessId && !IsRunning(pid))
            {
                TryDelete(temp);
            }
        }
    }

    internal static string TempName(string fileName) =>
        $".{fileName}.{Environment.ProcessId}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}{_tempSuffix}";

    private static int? OwnerPid(string tempName, string fileName)
    {
        var rest = tempName.AsSpan(fileName.Length + 2);
        var dot = rest.IndexOf('.');
        return dot > 0 && int.TryParse(rest[..dot], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
