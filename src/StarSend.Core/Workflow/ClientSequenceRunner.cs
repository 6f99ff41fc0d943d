using Serilog;
using StarSend.Core.Errors;
using StarSend.Core.Plans;
using StarSend.Core.Projects;
using StarSend.Core.Sequences;
using StarSend.Core.Settings;
using StarSend.Core.Steps;

namespace StarSend.Core.Workflow;

/// <summary>
/// The sequence workflow (grid → pick → generate → approve) over the StepRunner primitives. Owns sequences.json;
/// every state change is one locked read-modify-write, and a sequence never moves forward on a file it has not verified.
/// </summary>
public sealed partial class ClientSequenceRunner(
    ClientPlan plan, ProjectPaths paths, ISequenceStore store, ISequenceLeases leases, StepRunner steps, ProjectSettings settings, TimeProvider time, ILogger log, string runId)
{
    public ClientPlan Plan => plan;

    public string RunId => runId;

    public PlanSequence Sequence(string id) =>
        plan.FindSequence(id) ?? throw new BadInputException(
            $"unknown sequence '{id}'; the plan has {string.Join(", ", plan.Sequences.Select(s => s.Id))}");

    /// <summary>Sequence ids for a batch: the ids given, a section's sequences, or all; in plan order (<see cref="SequenceSelection.Select"/>).</summary>
    public IReadOnlyList<string> Select(IReadOnlyList<string> ids, string? section, bool all) => SequenceSelection.Select(plan, ids, section, all);

    public async Task<SequenceRecord> GetAsync(string id, CancellationToken cancellationToken)
    {
        Sequence(id);
        var doc = await store.ReadAsync(cancellationToken);
        return doc.Sequences.TryGetValue(id, out var record) ? record : new SequenceRecord { Id = id };
    }

    /// <summary>One locked read-modify-write of one sequence; never cancelled once started, so it always lands.</summary>
    private async Task<SequenceRecord> UpdateAsync(string id, Func<SequenceRecord, SequenceRecord> change)
    {
        SequenceRecord? saved = null;
        await store.UpdateAsync(
            doc =>
            {
                var current = doc.Sequences.TryGetValue(id, out var r) ? r : new SequenceRecord { Id = id };
                saved = change(current) with { UpdatedAt = time.GetUtcNow() };
                return doc with { Sequences = new(doc.Sequences, StringComparer.Ordinal) { [id] = saved } };
            },
            CancellationToken.None);
        return saved!;
    }

    /// <summary>A media file of a pass: <c>dir/PASS_name</c> (every file of a sequence's pass shares the pass's run id).</summary>
    private static string MediaPath(string dir, string pass, string name) => Path.Combine(dir, $"{pass}_{name}");

    /// <summary>
    /// <paramref name="path"/>, or the first free <c>name_2.ext</c>, <c>name_3.ext</c>...: a run resuming a pass never
    /// overwrites a paid file an earlier run of the same pass wrote.
    /// </summary>
    private static string FreshPath(string path)
    {
        var candidate = path;
        for (var n = 2; File.Exists(candidate); n++)
        {
            candidate = Path.Combine(Path.GetDirectoryName(path)!, $"{Path.GetFileNameWithoutExtension(path)}_{n}{Path.GetExtension(path)}");
        }

        return candidate;
    }

    /// <summary>
    /// While disposed of later: log events carry the pass's run id beside the invocation's, and executions the StepRunner
    /// records carry it as <c>pass_run_id</c>.
    /// </summary>
    private static Scopes PassScope(string pass) => new Scopes(Serilog.Context.LogContext.PushProperty("PassRunId", pass), OutputRun.Use(pass));

    private sealed class Scopes(params IDisposable[] scopes) : IDisposable
    {
        public void Dispose()
        {
            foreach (var scope in scopes.Reverse())
            {
                scope.Dispose();
            }
        }
    }

    private IReadOnlyList<string> ElementFiles(PlanSequence sequence, int max) =>
        [.. sequence.Elements.Select(plan.FindElement).OfType<PlanElement>().Take(max).Select(e => paths.Full(e.Image))];

    private decimal ImagePrice(string model) =>
        settings.ImagePrices.TryGetValue(model, out var price) || SettingsDefaults.ImagePrices.TryGetValue(model, out price) ? price : 0.134m;
}
