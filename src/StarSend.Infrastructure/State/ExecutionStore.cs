using StarSend.Core.Executions;
using StarSend.Core.Projects;

namespace StarSend.Infrastructure.State;

/// <summary><c>state/executions.json</c> on disk.</summary>
public sealed class ExecutionStore(ProjectPaths paths, TimeProvider time, StateFileOptions? options = null) : IExecutionStore
{
    private readonly JsonStateFile<ExecutionsDocument> _file =
        new(paths, paths.ExecutionsFile, ExecutionsDocument.CurrentSchemaVersion, time, options);

    public Task<ExecutionsDocument> ReadAsync(CancellationToken cancellationToken) => _file.ReadAsync(cancellationToken);

    public Task<ExecutionsDocument> UpdateAsync(Func<ExecutionsDocument, ExecutionsDocument> change, CancellationToken cancellationToken) =>
        _file.UpdateAsync(change, cancellationToken);
}
