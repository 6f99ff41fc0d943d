using StarSend.Core.Executions;
using StarSend.Core.Projects;
using StarSend.Core.Sequences;

namespace StarSend.Core.Workflow;

/// <summary>
/// Everything one pass (issue #14) produced, across the invocations that worked on it: the sequences whose current
/// pass it is, every media file carrying its prefix, and every execution filed under it.
/// </summary>
/// <param name="RunId">The pass run id asked for.</param>
/// <param name="Sequences">Ids of the sequences whose current pass it is (a later grid starts a new pass).</param>
/// <param name="Files">Project-relative paths of the media files named <c>RUN_ID_*</c>, sorted.</param>
/// <param name="Executions">The paid calls recorded under the pass (or, for records from before passes, made by that run).</param>
public sealed record PassContents(string RunId, IReadOnlyList<string> Sequences, IReadOnlyList<string> Files, IReadOnlyList<ExecutionRecord> Executions)
{
    /// <summary>Collects the pass <paramref name="runId"/> from the state documents and the media folders.</summary>
    public static PassContents Of(string runId, ProjectPaths paths, SequencesDocument sequences, ExecutionsDocument executions)
    {
        var prefix = runId + "_";
        var files = new[] { paths.GridsDir, paths.StartFramesDir, paths.VideosDir }
            .Where(Directory.Exists)
            .SelectMany(dir => Directory.EnumerateFiles(dir, "*", SearchOption.TopDirectoryOnly))
            .Where(f => Path.GetFileName(f).StartsWith(prefix, StringComparison.Ordinal))
            .Select(paths.Relative)
            .Order(StringComparer.Ordinal)
            .ToList();
        var calls = executions.Executions.Values
            .Where(e => e.PassRunId == runId || (e.PassRunId is null && e.RunId == runId))
            .OrderBy(e => e.CreatedAt).ThenBy(e => e.Id, StringComparer.Ordinal)
            .ToList();
        var owners = sequences.Sequences.Values.Where(s => s.PassRunId == runId).Select(s => s.Id).Order(StringComparer.Ordinal).ToList();
        return new PassContents(runId, owners, files, calls);
    }
}
