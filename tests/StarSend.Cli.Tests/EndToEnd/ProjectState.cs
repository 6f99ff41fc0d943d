using StarSend.Core.Executions;
using StarSend.Core.Projects;
using StarSend.Core.Sequences;
using StarSend.Infrastructure.State;

namespace StarSend.Cli.Tests.EndToEnd;

/// <summary>Reads a project's state files through the real stores (which also proves they parse).</summary>
internal static class ProjectState
{
    public static Task<SequencesDocument> SequencesAsync(string dir) =>
        new SequenceStore(new ProjectPaths(dir), TimeProvider.System).ReadAsync(CancellationToken.None);

    public static Task<ExecutionsDocument> ExecutionsAsync(string dir) =>
        new ExecutionStore(new ProjectPaths(dir), TimeProvider.System).ReadAsync(CancellationToken.None);

    /// <summary>Every paid video job ends in exactly one take, and every take's executions are complete.</summary>
    public static void ShouldHaveEachPaidJobInExactlyOneTake(SequencesDocument sequences, ExecutionsDocument executions)
    {
        var claims = sequences.Sequences.Values.SelectMany(s => s.Takes).SelectMany(t => t.ExecutionIds).GroupBy(id => id).ToList();
        claims.Where(g => g.Count() > 1).Should().BeEmpty("no execution may be in two takes");
        var complete = executions.Executions.Values.Where(e => e is { Kind: ExecutionKind.Video, Status: ExecutionStatus.Complete }).Select(e => e.Id).ToHashSet();
        claims.Select(g => g.Key).Should().BeEquivalentTo(complete, "every complete video job is in a take and every take's job is complete");
    }
}
