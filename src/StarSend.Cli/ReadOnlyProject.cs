using StarSend.Core.Errors;
using StarSend.Core.Executions;
using StarSend.Core.Plans;
using StarSend.Core.Projects;
using StarSend.Core.Sequences;
using StarSend.Infrastructure.State;

namespace StarSend.Cli;

/// <summary>
/// Everything a read-only view of a project shows, read once: the checked plan, the settings, <c>sequences.json</c> and
/// <c>executions.json</c> (with the submission journal folded in). <c>status</c> starts reading it on a second thread
/// the moment its command line is parsed, so the reading overlaps the run's logging set-up (#12). Reads take no lock,
/// as <c>status</c> never did: every state file is replaced atomically, so a read sees one whole version of it.
/// </summary>
internal sealed record ReadOnlyProject(ProjectDocuments Documents, SequencesDocument Sequences, ExecutionsDocument Executions)
{
    /// <summary>
    /// Reads the snapshot of the project at <paramref name="paths"/> on the thread pool. In the order a command reads
    /// them, and stopping at the first problem: a missing or invalid plan (<see cref="BadInputException"/>,
    /// <see cref="PlanInvalidException"/>) or settings, then an unreadable state file (<see cref="StateFileException"/>).
    /// The task carries that exception to whoever awaits it; element images are checked for presence only.
    /// </summary>
    public static Task<ReadOnlyProject> ReadInBackground(ProjectPaths paths, CliHost host) => Task.Run(async () =>
    {
        var documents = ProjectDocuments.Load(paths, host.Environment, ElementImageDepth.Presence);
        var sequences = await new SequenceStore(paths, host.Time).ReadAsync(CancellationToken.None);
        var executions = await new ExecutionStore(paths, host.Time).ReadAsync(CancellationToken.None);
        return new ReadOnlyProject(documents, sequences, executions);
    });
}
