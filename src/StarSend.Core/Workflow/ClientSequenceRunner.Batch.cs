using StarSend.Core.Errors;

namespace StarSend.Core.Workflow;

public sealed partial class ClientSequenceRunner
{
    /// <summary>
    /// <see cref="Select"/> for commands that work (and pay): <c>--all</c> and <c>--section</c> leave omitted sequences
    /// out; naming an omitted sequence is refused (exit 3) until it is restored.
    /// </summary>
    public async Task<IReadOnlyList<string>> SelectForWorkAsync(IReadOnlyList<string> ids, string? section, bool all, CancellationToken cancellationToken)
    {
        var selected = Select(ids, section, all);
        var doc = await store.ReadAsync(cancellationToken);
        var omitted = selected.Where(id => doc.Sequences.TryGetValue(id, out var r) && r.Omitted).ToHashSet(StringComparer.Ordinal);
        if (ids.Count > 0 && omitted.Count > 0)
        {
            var named = string.Join(", ", selected.Where(omitted.Contains));
            throw new IllegalTransitionException($"{named} {(omitted.Count == 1 ? "is" : "are")} omitted from the edit; 'starsend restore SEQ' puts a sequence back");
        }

        return [.. selected.Where(id => !omitted.Contains(id))];
    }
}
