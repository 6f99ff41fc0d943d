using System.Runtime.InteropServices;

namespace StarSend.Benchmarks;

/// <summary>
/// CPU time (user + system) used by this process's finished children, from getrusage(RUSAGE_CHILDREN): on a busy
/// shared machine the CPU a whole-process run needs is far steadier than its wall time. Zero where unavailable.
/// </summary>
internal static partial class ChildCpu
{
    private const int RusageChildren = -1;

    public static TimeSpan Total()
    {
        if (!OperatingSystem.IsLinux() || GetRusage(RusageChildren, out var usage) != 0)
        {
            return TimeSpan.Zero;
        }

        return TimeSpan.FromMicroseconds((usage.UserSeconds * 1_000_000.0) + usage.UserMicroseconds + (usage.SystemSeconds * 1_000_000.0) + usage.SystemMicroseconds);
    }

    [LibraryImport("libc", EntryPoint = "getrusage")]
    private static partial int GetRusage(int who, out Rusage usage);

    [StructLayout(LayoutKind.Sequential)]
    private struct Rusage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        public long MaxRss;
        public long Ixrss;
        public long Idrss;
        public long Isrss;
        public long Minflt;
        public long Majflt;
        public long Nswap;
        public long Inblock;
        public long Oublock;
        public long Msgsnd;
        public long Msgrcv;
        public long Nsignals;
        public long Nvcsw;
        public long Nivcsw;
    }
}
