using System.Runtime.InteropServices;

namespace StarSend.Infrastructure.State;

/// <summary>
/// fsync of a folder on Linux and macOS, so that a rename into it survives a power cut. .NET cannot open a folder as a
/// stream, hence the three libc calls. Best effort: a file system that refuses is no reason to fail a write.
/// </summary>
internal static partial class DirectorySync
{
    private const int _readOnly = 0;

    public static void TryFlush(string folder)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return;
        }

        try
        {
            var fd = Open(folder, _readOnly);
            if (fd < 0)
            {
                return;
            }

            _ = FSync(fd);
            _ = Close(fd);
        }
        catch (DllNotFoundException)
        {
        }
        catch (EntryPointNotFoundException)
        {
        }
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int FSync(int fd);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Close(int fd);
}
