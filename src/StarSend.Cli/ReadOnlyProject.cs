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
/// built and parsed; the command's own thread meanwhile reads the two state files (3–4 ms sooner on two cores than
/// reading them after the plan, in 41 alternating runs of each). Reads take no lock, as <c>status</c> never did: every
/// state file is replaced atomically, so a read sees one whole version of it.
/// </summary>
internal sealed record ReadOnlyProject(ProjectDocuments Documents, SequencesDocument Sequences, ExecutionsDocument Executions)
{
    private static Started? _started;

    /// <summary>
    /// Starts reading the plan and settings of the project in <paramref name="root"/> (a full path) on a thread of its
    /// own, before the command line is even parsed: <c>Program</c> calls it first thing when the line names
    /// <c>status</c>, with the folder <c>--project</c> names. The settings wait for <see cref="ProvideEnvironment"/>,
    /// which <c>Program</c> calls as soon as it has copied the process's environment. Only a guess:
    /// <see cref="ReadAsync"/> uses it when the parsed command asks for that same folder with that same environment,
    /// else reads where asked (and cancels the environment, should the early read still be waiting for one).
    /// </summary>
    public static void Prefetch(string root)
    {
        var environment = new TaskCompletionSource<IReadOnlyDictionary<string, string?>>(TaskCreationOptions.RunContinuationsAsynchronously);
        _started = new Started(root, environment, new Background(() => ProjectDocuments.Load(new ProjectPaths(root), () => environment.Task.Result, ElementImageDepth.Presence)));
    }

    /// <summary>Gives the early read of <see cref="Prefetch"/> (if any) the environment the command's host will have.</summary>
    public static void ProvideEnvironment(IReadOnlyDictionary<string, string?> environment) => _started?.Environment.TrySetResult(environment);

    /// <summary>
    /// Reads the project at <paramref name="paths"/>. Problems come in the order a command meets them: a missing or
    /// invalid plan (<see cref="BadInputException"/>, <see cref="PlanInvalidException"/>) or settings first, then an
    /// unreadable state file (<see cref="StateFileException"/>). Element images are checked for presence only.
    /// </summary>
    /// <remarks>
    /// Runs to completion on the calling thread before the returned task exists, so Ctrl+C during it ends the process
    /// (exit 130) without the "Interrupted" line; nothing is written, and the reads take milliseconds.
    /// </remarks>
    public static Task<ReadOnlyProject> ReadAsync(ProjectPaths paths, CliHost host, CancellationToken cancellationToken)
    {
        // Synchronous on purpose: the files are small and local, and each await that really waits costs the run time's
        // async machinery (JIT-compiled state-machine boxes) on status's start-up path.
        var started = Interlocked.Exchange(ref _started, null);
        var prefetched = started is not null && started.Environment.Task.IsCompletedSuccessfully && ReferenceEquals(started.Environment.Task.Result, host.Environment) && string.Equals(started.Root, paths.Root, StringComparison.Ordinal)
            ? started.Documents
            : null;
        if (prefetched is null)
        {
            // An early read not used here may still wait for an environment nobody gave it: let it end.
            started?.Environment.TrySetCanceled(CancellationToken.None);
        }

        var documents = prefetched is null ? Load(paths, host.Environment) : null;
        SequencesDocument? sequences = null;
        ExecutionsDocument? executions = null;
        ExceptionDispatchInfo? stateProblem = null;
        try
        {
            sequences = new SequenceStore(paths, host.Time).Read();
            executions = new ExecutionStore(paths, host.Time).Read();
        }
        catch (StateFileException ex)
        {
            // Reported only if the plan and settings read well: a plan problem is the one a command meets first.
            stateProblem = ExceptionDispatchInfo.Capture(ex);
        }

        StartupDiagnostics.Mark("state");
        var read = documents ?? prefetched!.Wait(cancellationToken);
        stateProblem?.Throw();
        return Task.FromResult(new ReadOnlyProject(read, sequences!, executions!));
    }

    private static ProjectDocuments Load(ProjectPaths paths, IReadOnlyDictionary<string, string?> environment) =>
        ProjectDocuments.Load(paths, environment, ElementImageDepth.Presence);

    private sealed record Started(string Root, TaskCompletionSource<IReadOnlyDictionary<string, string?>> Environment, Background Documents);

    /// <summary>
    /// One read on its own thread, not the thread pool's: <c>status</c> has no other use for the pool, and starting it
    /// costs more than one thread. An exception is kept and rethrown, with its stack, to the thread that waits.
    /// </summary>
    private sealed class Background
    {
        private readonly TaskCompletionSource<ProjectDocuments> _read = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Background(Func<ProjectDocuments> read)
        {
            var thread = new Thread(() =>
            {
                try
                {
                    _read.SetResult(read());
                }
                catch (Exception ex)
                {
                    _read.SetException(ex);
                }
            })
            { IsBackground = true, Name = "starsend project read" };
            thread.Start();
        }

        /// <summary>The documents, or the read's exception rethrown with its own stack (not wrapped).</summary>
        public ProjectDocuments Wait(CancellationToken cancellationToken)
        {
            try
            {
                _read.Task.Wait(cancellationToken);
            }
            catch (AggregateException) when (_read.Task.IsFaulted)
            {
                // Task.Wait wraps the read's exception; GetResult below rethrows it as itself.
            }

            return _read.Task.GetAwaiter().GetResult();
        }
    }
}
