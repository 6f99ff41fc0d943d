using StarSend.Core.Errors;
using StarSend.Core.Projects;
using StarSend.Core.Sequences;

namespace StarSend.Infrastructure.State;

/// <summary>Per-sequence work leases: <c>state/leases/SEQ01.lock</c>, held by a process lock the kernel drops when the holder dies.</summary>
public sealed class SequenceLeases(ProjectPaths paths, TimeProvider time) : ISequenceLeases
{
    private static readonly TimeSpan Wait = TimeSpan.FromMilliseconds(250);

    public async Task<IAsyncDisposable> AcquireAsync(string sequenceId, string purpose, CancellationToken cancellationToken)
    {
        var dir = Path.Combine(paths.StateDir, "leases");
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, $"{sequenceId}.lock");
        try
        {
            return await new ProjectLock(file, sequenceId).AcquireAsync(Wait, purpose, time, cancellationToken);
        }
        catch (StateFileException ex)
        {
            throw new IllegalTransitionException($"{sequenceId} is being worked on by another run ({ex.Message}); wait for it or run 'starsend status {sequenceId}'");
        }
    }
}
