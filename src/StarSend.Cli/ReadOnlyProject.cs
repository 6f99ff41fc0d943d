using StarSend.Core.Errors;
using StarSend.Core.Executions;
using StarSend.Core.Plans;
using StarSend.Core.Projects;
using StarSend.Core.Sequences;
using StarSend.Infrastructure.State;

namespace StarSend.Cli;

/// <summary>
/// Everything a read-only view of a project shows, read once: the checked plan, the settings, <c>sequences.json</c> and
/// <c>executions.json</c> (with the submission journal folded in). <c>status</c> starts reading it on other threads the
/// moment its command line is parsed, so the reading overlaps the run's logging set-up (#12). Reads take no lock,
/// as <c>status</c> never did: every state file is replaced atomically, so a read sees one whole version of it.
/// </summary>
internal sealed record ReadOnlyProject(ProjectDocuments Documents, SequencesDocument Sequences, ExecutionsDocument Executions)
{
    private static Started? _started;

    /// <summary>
    /// Starts reading the project at <paramref name="paths"/> before the command line is even parsed: <c>Program</c>
    /// calls it when the line names <c>status</c>, with the project folder it names. Only a guess: <see cref="Read"/>
    /// uses it when the parsed command asks for that same folder, else reads again where asked.
    /// </summary>
    public static void Prefetch(ProjectPaths paths, CliHost host) => _started = new Started(paths.Root, host, ReadInBackground(paths, host));

    /// <summary>The project at <paramref name="paths"/>: the read <see cref="Prefetch"/> started for it, or a new one.</summary>
    public static Task<ReadOnlyProject> Read(ProjectPaths paths, CliHost host) =>
        Interlocked.Exchange(ref _started, null) is { } started && ReferenceEquals(started.Host, host) && string.Equals(started.Root, paths.Root, StringComparison.Ordinal)
            ? started.Read
            : ReadInBackground(paths, host);

    /// <summary>
    /// Reads the snapshot of the project at <paramref name="paths"/> on the thread pool: the plan and settings on one
    /// thread, the two state files on another. The task fails with the first problem in the order a command meets them:
    /// a missing or invalid plan (<see cref="BadInputException"/>, <see cref="PlanInvalidException"/>) or settings, then
    /// an unreadable state file (<see cref="StateFileException"/>). Element images are checked for presence only.
    /// </summary>
    private static async Task<ReadOnlyProject> ReadInBackground(ProjectPaths paths, CliHost host)
    {
        var documents = Task.Run(() => ProjectDocuments.Load(paths, host.Environment, ElementImageDepth.Presence));
        var state = Task.Run(async () =>
        {
            var sequences = await new SequenceStore(paths, host.Time).ReadAsync(CancellationToken.None);
            var executions = await new ExecutionStore(paths, host.Time).ReadAsync(CancellationToken.None);
            StartupDiagnostics.Mark("state");
            return (sequences, executions);
        });
        var plan = await documents;
        var (sequences, executions) = await state;
        return new ReadOnlyProject(plan, sequences, executions);
    }

    private sealed record Started(string Root, CliHost Host, Task<ReadOnlyProject> Read);
}
