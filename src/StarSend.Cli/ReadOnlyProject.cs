using System.Runtime.ExceptionServices;
using StarSend.Core.Errors;
using StarSend.Core.Executions;
using StarSend.Core.Plans;
using StarSend.Core.Projects;
using StarSend.Core.Sequences;
using StarSend.Infrastructure.State;

namespace StarSend.Cli;

/// <summary>
/// Everything a read-only view of a project shows, read once: the checked plan, the settings, <c>sequences.json</c> and
/// <c>executions.json</c> (with the submission journal folded in). For <c>status</c> (#12) the plan and settings are
/// read on a second thread from the first line of <c>Main</c> (<see cref="Prefetch"/>), while the command line is
/// built and parsed and its logging set up; the command's own thread then reads the two state files. Reads take no
/// lock, as <c>status</c> never did: every state file is replaced atomically, so a read sees one whole version of it.
/// </summary>
internal sealed record ReadOnlyProject(ProjectDocuments Documents, SequencesDocument Sequences, ExecutionsDocument Executions)
{
    private static Started? _started;

    /// <summary>
    /// Starts reading the plan and settings of the project at <paramref name="paths"/> before the command line is even
    /// parsed: <c>Program</c> calls it when the line names <c>status</c>, with the folder <c>--project</c> names. Only a
    /// guess: <see cref="ReadAsync"/> uses it when the parsed command asks for that same folder, else reads where asked.
    /// </summary>
    public static void Prefetch(ProjectPaths paths, CliHost host) => _started = new Started(paths.Root, host, LoadInBackground(paths, host));

    /// <summary>
    /// Reads the project at <paramref name="paths"/>. Problems come in the order a command meets them: a missing or
    /// invalid plan (<see cref="BadInputException"/>, <see cref="PlanInvalidException"/>) or settings first, then an
    /// unreadable state file (<see cref="StateFileException"/>). Element images are checked for presence only.
    /// </summary>
    public static async Task<ReadOnlyProject> ReadAsync(ProjectPaths paths, CliHost host, CancellationToken cancellationToken)
    {
        var documents = Interlocked.Exchange(ref _started, null) is { } started && ReferenceEquals(started.Host, host) && string.Equals(started.Root, paths.Root, StringComparison.Ordinal)
            ? started.Documents
            : LoadInBackground(paths, host);
        SequencesDocument? sequences = null;
        ExecutionsDocument? executions = null;
        ExceptionDispatchInfo? stateProblem = null;
        try
        {
            sequences = await new SequenceStore(paths, host.Time).ReadAsync(cancellationToken);
            executions = await new ExecutionStore(paths, host.Time).ReadAsync(cancellationToken);
        }
        catch (StateFileException ex)
        {
            // Reported only if the plan and settings read well: a plan problem is the one a command meets first.
            stateProblem = ExceptionDispatchInfo.Capture(ex);
        }

        StartupDiagnostics.Mark("state");
        var read = await documents.WaitAsync(cancellationToken);
        stateProblem?.Throw();
        return new ReadOnlyProject(read, sequences!, executions!);
    }

    private static Task<ProjectDocuments> LoadInBackground(ProjectPaths paths, CliHost host) =>
        Task.Run(() => ProjectDocuments.Load(paths, host.Environment, ElementImageDepth.Presence));

    private sealed record Started(string Root, CliHost Host, Task<ProjectDocuments> Documents);
}
