namespace StarSend.Infrastructure.State;

/// <summary>How the state stores take the project lock.</summary>
public sealed record StateFileOptions
{
    public static StateFileOptions Default { get; } = new();

    /// <summary>How long an update waits for the project lock before it gives up and names the holder.</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>What a waiting process is told holds the lock; the command line of this process by default.</summary>
    public string Holder { get; init; } = CommandLine();

    private static string CommandLine()
    {
        var args = Environment.GetCommandLineArgs();
        if (args.Length == 0)
        {
            return "starsend";
        }

        var line = string.Join(' ', [Path.GetFileNameWithoutExtension(args[0]), .. args.Skip(1)]);
        return line.Length <= 120 ? line : line[..117] + "...";
    }
}
